import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ObjectUi } from "../../../runtime/src/api/types.js";
import type { DuplicateGroup, FindJob, MergeEntry } from "../../../runtime/src/duplicates/duplicate-api.js";
import {
  ALL,
  type Call,
  type Handler,
  type Reply,
  renderAt,
  serveApi,
  sessionServer,
} from "../imports/data-harness.js";
import { choose } from "../imports/select-helpers.js";

// antd in happy-dom renders slowly on a busy machine; these are not timing tests.
const SLOW = { timeout: 60_000 };

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

const rules = { duplicateRules: [{ name: "sameName", label: { en: "Same name", "zh-CN": "名称相同" } }] };

const job = (status: FindJob["status"], percent: number, extra: Partial<FindJob> = {}): FindJob => ({
  id: "job1",
  object: "deal",
  status,
  progress: { processed: 3 * percent, total: 300, percent },
  pairs: 0,
  ...extra,
});

const group: DuplicateGroup = {
  id: "g1",
  rule: "sameName",
  score: 0.96,
  records: [
    {
      id: "d1",
      name: "Acme deal",
      values: {
        title: "Acme deal",
        code: "A-1",
        stage: "open",
        amount: null,
        account: { id: "a1", name: "Acme" },
      },
    },
    {
      id: "d2",
      name: "ACME Deal",
      values: {
        title: "ACME Deal",
        code: "",
        stage: "won",
        amount: 5000,
        account: { id: "a2", name: "Acme Ltd" },
      },
    },
    {
      id: "d3",
      name: "Acme deal (old)",
      values: { title: "Acme deal (old)", code: "A-9", stage: "lost", amount: 700, account: null },
    },
  ],
};

const merge = (extra: Partial<MergeEntry> = {}): MergeEntry => ({
  id: "m1",
  object: "deal",
  survivorId: "d1",
  mergedIds: ["d2"],
  at: "2026-03-03T10:00:00.000Z",
  by: "u1",
  ...extra,
});

interface DuplicateServer {
  /** Answers to the job's polls, in turn (the last one repeats). */
  polls?: FindJob[];
  groups?: (call: Call) => Reply;
  merges?: () => MergeEntry[];
  more?: Handler;
  session?: Parameters<typeof sessionServer>[1];
}

const duplicateServer = ({
  polls = [job("completed", 100, { groups: 1 })],
  groups = () => ({ body: { groups: [group], nextCursor: null } }),
  merges = () => [],
  more = () => undefined,
  session = { ui: rules as Partial<ObjectUi> },
}: DuplicateServer = {}) => {
  let polled = 0;
  return sessionServer((call) => {
    const answer = more(call);
    if (answer !== undefined) return answer;
    if (call.method === "POST" && call.path === "/api/v1/duplicates/jobs")
      return { status: 202, body: job("running", 0) };
    if (call.method === "GET" && call.path === "/api/v1/duplicates/jobs/job1") {
      const next = polls[Math.min(polled, polls.length - 1)];
      polled += 1;
      return { body: next };
    }
    if (call.method === "GET" && call.path === "/api/v1/duplicates/jobs/job1/groups") return groups(call);
    if (call.method === "GET" && call.path === "/api/v1/merges") return { body: { merges: merges() } };
    return undefined;
  }, session);
};

const calledAt = (calls: readonly Call[], method: string, path: string) =>
  calls.filter((c) => c.method === method && c.path === path);
const location = () => screen.getByTestId("location").textContent ?? "";

/** The page at the completed job1, with its merge dialog open on group g1. */
const openMergeDialog = async () => {
  renderAt("/o/deal/duplicates?job=job1");
  await userEvent.click(
    await screen.findByRole("button", { name: "Merge Acme deal, ACME Deal, Acme deal (old)" }),
  );
  return screen.findByRole("dialog");
};

const mergePosts = (calls: readonly Call[]) => calledAt(calls, "POST", "/api/v1/records/deal/merge");

describe("finding duplicates", SLOW, () => {
  it("starts a search by the chosen rule, follows its progress, then lists the groups", async () => {
    const calls = serveApi(
      duplicateServer({ polls: [job("running", 50), job("completed", 100, { groups: 1 })] }),
    );
    renderAt("/o/deal/duplicates");
    expect(await screen.findByRole("heading", { level: 2, name: "Duplicate Deals" })).toBeTruthy();
    await choose("Duplicate rule", "Same name");
    await userEvent.click(screen.getByRole("button", { name: "Find duplicates" }));

    const bar = await screen.findByTestId("duplicates-progress");
    await waitFor(() => expect(bar.getAttribute("aria-valuenow")).toBe("50"));
    expect(screen.getByText("Compared 150 of 300 records…")).toBeTruthy();
    expect(await screen.findByText("1 groups of duplicates among 300 records.")).toBeTruthy();
    expect(calledAt(calls, "POST", "/api/v1/duplicates/jobs")[0]?.body).toEqual({
      object: "deal",
      rule: "sameName",
    });
    expect(location()).toBe("/o/deal/duplicates?job=job1");

    const card = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-group="g1"]');
      if (found === null) throw new Error("no group g1");
      return found;
    });
    expect(within(card).getByText("Same name")).toBeTruthy();
    expect(within(card).getByText("96% alike")).toBeTruthy();
    expect(within(card).getByRole("link", { name: "ACME Deal" }).getAttribute("href")).toBe("/o/deal/d2");
    expect(calledAt(calls, "GET", "/api/v1/duplicates/jobs/job1/groups")[0]?.query.get("limit")).toBe("20");
  });

  it("searches by every rule unless one is chosen", async () => {
    const calls = serveApi(duplicateServer());
    renderAt("/o/deal/duplicates");
    await userEvent.click(await screen.findByRole("button", { name: "Find duplicates" }));
    await screen.findByText("1 groups of duplicates among 300 records.");
    expect(calledAt(calls, "POST", "/api/v1/duplicates/jobs")[0]?.body).toEqual({ object: "deal" });
  });

  it("pages through the groups with the server's cursor", async () => {
    const calls = serveApi(
      duplicateServer({
        groups: (call) =>
          call.query.get("cursor") === "c2"
            ? {
                body: { groups: [{ ...group, id: "g2", records: group.records.slice(1) }], nextCursor: null },
              }
            : { body: { groups: [group], nextCursor: "c2" } },
      }),
    );
    renderAt("/o/deal/duplicates?job=job1");
    await screen.findByRole("link", { name: "Acme deal" });
    await userEvent.click(screen.getByRole("button", { name: "Next" }));
    await waitFor(() => expect(screen.queryByRole("link", { name: "Acme deal" })).toBeNull());
    expect(screen.getByText("Page 2")).toBeTruthy();
    expect(calledAt(calls, "GET", "/api/v1/duplicates/jobs/job1/groups").at(-1)?.query.get("cursor")).toBe(
      "c2",
    );
  });

  it("says when nothing was found", async () => {
    serveApi(duplicateServer({ groups: () => ({ body: { groups: [], nextCursor: null } }) }));
    renderAt("/o/deal/duplicates?job=job1");
    expect(await screen.findByText("No duplicates found.")).toBeTruthy();
  });
});

describe("merging a group", SLOW, () => {
  it("keeps the survivor's values, else the first merged record's, and sends the values picked from others", async () => {
    const calls = serveApi(
      duplicateServer({
        more: (call) =>
          call.method === "POST" && call.path === "/api/v1/records/deal/merge"
            ? { body: { survivor: { id: "d1", version: 4 }, mergeId: "m1" } }
            : undefined,
      }),
    );
    const dialog = await openMergeDialog();
    const picked = (field: string, record: string) =>
      (within(dialog).getByRole("radio", { name: `Use the ${field} of ${record}` }) as HTMLInputElement)
        .checked;
    expect(picked("Stage", "Acme deal")).toBe(true);
    // The survivor has no amount: the first merged record that has one gives it.
    expect(picked("Amount", "ACME Deal")).toBe(true);
    expect(within(dialog).getByText("Acme Ltd")).toBeTruthy();

    await userEvent.click(within(dialog).getByRole("radio", { name: "Use the Stage of ACME Deal" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Merge" }));

    await waitFor(() => expect(mergePosts(calls)).toHaveLength(1));
    expect(mergePosts(calls)[0]?.body).toEqual({
      survivorId: "d1",
      mergedIds: ["d2", "d3"],
      values: { stage: "won", amount: 5000 },
    });
    expect(await screen.findByText("Records merged")).toBeTruthy();
    await waitFor(() =>
      expect(calledAt(calls, "GET", "/api/v1/duplicates/jobs/job1/groups")).toHaveLength(2),
    );
    expect(calledAt(calls, "GET", "/api/v1/merges").length).toBeGreaterThanOrEqual(2);
  });

  it("keeps another record, leaves one out, and sends lookups as ids", async () => {
    const calls = serveApi(
      duplicateServer({
        more: (call) =>
          call.method === "POST" && call.path === "/api/v1/records/deal/merge"
            ? { body: { survivor: { id: "d2", version: 2 }, mergeId: "m2" } }
            : undefined,
      }),
    );
    const dialog = await openMergeDialog();
    await userEvent.click(within(dialog).getByRole("radio", { name: "Keep ACME Deal" }));
    await userEvent.click(
      within(dialog).getByRole("checkbox", { name: "Merge Acme deal (old) into the kept record" }),
    );
    // Records left out of the merge give no values.
    expect(
      (within(dialog).getByRole("radio", { name: "Use the Amount of Acme deal (old)" }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
    await userEvent.click(within(dialog).getByRole("radio", { name: "Use the Account of Acme deal" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Merge" }));

    await waitFor(() => expect(mergePosts(calls)).toHaveLength(1));
    expect(mergePosts(calls)[0]?.body).toEqual({
      survivorId: "d2",
      mergedIds: ["d1"],
      // ACME Deal has no code: Acme deal's is kept by default.
      values: { code: "A-1", account: "a1" },
    });
  });

  it("shows the server's refusal in the dialog and merges nothing", async () => {
    serveApi(
      duplicateServer({
        more: (call) =>
          call.method === "POST" && call.path === "/api/v1/records/deal/merge"
            ? {
                status: 403,
                body: {
                  title: "Forbidden",
                  errors: [
                    {
                      path: "/mergedIds/0",
                      code: "record.forbidden",
                      message: "You may not delete ACME Deal.",
                    },
                  ],
                },
              }
            : undefined,
      }),
    );
    const dialog = await openMergeDialog();
    await userEvent.click(within(dialog).getByRole("button", { name: "Merge" }));
    expect(await within(dialog).findByText("You may not delete ACME Deal.")).toBeTruthy();
    expect(screen.getByRole("dialog")).toBeTruthy();
  });

  it("is not offered to a user who may not delete", async () => {
    serveApi(
      duplicateServer({
        session: { permissions: { ...ALL, delete: false }, ui: rules as Partial<ObjectUi> },
      }),
    );
    renderAt("/o/deal/duplicates?job=job1");
    const button = await screen.findByRole("button", { name: "Merge Acme deal, ACME Deal, Acme deal (old)" });
    expect(button.hasAttribute("disabled")).toBe(true);
  });
});

describe("merge history", SLOW, () => {
  it("undoes a merge, then shows it undone", async () => {
    let undone = false;
    const calls = serveApi(
      duplicateServer({
        merges: () => [merge(undone ? { undoneAt: "2026-03-03T11:00:00.000Z" } : {})],
        more: (call) => {
          if (call.method === "POST" && call.path === "/api/v1/merges/m1/undo") {
            undone = true;
            return { body: {} };
          }
          return undefined;
        },
      }),
    );
    renderAt("/o/deal/duplicates");
    await userEvent.click(await screen.findByRole("button", { name: "Undo the merge into d1" }));
    expect(await screen.findByText("Merge undone: the merged records are back")).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("button", { name: "Undo the merge into d1" })).toBeNull());
    expect(screen.getByText(/^Undone /)).toBeTruthy();
    expect(calledAt(calls, "POST", "/api/v1/merges/m1/undo")).toHaveLength(1);
    expect(screen.getByRole("link", { name: "d1" }).getAttribute("href")).toBe("/o/deal/d1");
  });

  it("explains a merge that can no longer be undone", async () => {
    serveApi(
      duplicateServer({
        merges: () => [merge()],
        more: (call) =>
          call.method === "POST" && call.path === "/api/v1/merges/m1/undo"
            ? { status: 409, body: { title: "Conflict" } }
            : undefined,
      }),
    );
    renderAt("/o/deal/duplicates");
    await userEvent.click(await screen.findByRole("button", { name: "Undo the merge into d1" }));
    expect(
      await screen.findByText("The kept record changed since the merge, so the merge cannot be undone."),
    ).toBeTruthy();
  });
});

describe("in Chinese", SLOW, () => {
  it("speaks Chinese on the page and in the merge dialog", async () => {
    serveApi(duplicateServer({ session: { locale: "zh-CN", ui: rules as Partial<ObjectUi> } }));
    renderAt("/o/deal/duplicates?job=job1", "zh-CN");
    expect(await screen.findByRole("heading", { level: 2, name: "重复的交易" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "查找重复" })).toBeTruthy();
    expect(await screen.findByText("名称相同")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "合并 Acme deal, ACME Deal, Acme deal (old)" }));
    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("合并记录")).toBeTruthy();
    expect(within(dialog).getByRole("radio", { name: "使用 ACME Deal 的阶段" })).toBeTruthy();
  });
});
