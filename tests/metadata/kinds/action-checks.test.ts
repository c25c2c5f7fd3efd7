import { describe, expect, it } from "vitest";
import type { MetadataIssue } from "../../../metadata/src/issues/metadata-issue.js";
import { type ActionScope, checkWebhook } from "../../../metadata/src/kinds/action-checks.js";
import { issueCollector } from "../../../metadata/src/kinds/common.js";
import { invoice, sampleContext } from "./context.js";

const webhookIssues = (url: string): MetadataIssue[] => {
  const { issues, report } = issueCollector({ kind: "automation", name: "hook" });
  const scope: ActionScope = {
    prefix: "automation",
    object: invoice,
    hasSubmitter: false,
    ctx: sampleContext(),
    report,
  };
  checkWebhook({ type: "webhook", url }, ["actions", 0], scope);
  return issues;
};

describe("webhook hosts", () => {
  it.each([
    "https://erp.example.com/hooks/approved",
    "https://hooks.example.com:8443/due?tenant=demo",
    "https://api.example.cn",
    "https://1password.example.com/",
    // Which addresses may be reached is decided by the engine against the tenant's allow-list.
    "https://localhost/hook",
    "https://127.0.0.1/hook",
    "http://example.com/hook",
    "https://10.0.0.8:8443/hook",
  ])("accepts %s", (url) => {
    expect(webhookIssues(url)).toEqual([]);
  });

  it.each([
    "https://0x7f000001/hook",
    "https://2130706433/hook",
    "https://0177.0.0.1/hook",
    "https://[::1]/hook",
    "https://user:pw@example.com/hook",
    "ftp://example.com/hook",
  ])("refuses %s", (url) => {
    expect(webhookIssues(url).map(({ code, path }) => ({ code, path }))).toEqual([
      { code: "automation.unsafeWebhook", path: "/actions/0/url" },
    ]);
  });
});
