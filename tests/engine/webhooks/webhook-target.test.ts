import { describe, expect, it } from "vitest";
import {
  checkWebhookTarget,
  type WebhookResolver,
  WebhookTargetError,
} from "../../../engine/src/webhooks/index.js";

const resolvingTo =
  (...addresses: string[]): WebhookResolver =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

const failingWith =
  (code: string): WebhookResolver =>
  async () => {
    throw Object.assign(new Error(`lookup failed: ${code}`), { code });
  };

const noDns: WebhookResolver = async (host) => {
  throw new Error(`no DNS lookup expected, got ${host}`);
};

const refusal = async (
  url: string,
  allowlist: readonly string[] = [],
  resolve: WebhookResolver = noDns,
): Promise<WebhookTargetError> => {
  try {
    await checkWebhookTarget(url, allowlist, resolve);
  } catch (error) {
    if (error instanceof WebhookTargetError) return error;
    throw error;
  }
  throw new Error(`${url} was accepted`);
};

describe("addresses a webhook may not reach", () => {
  it.each([
    ["https://127.0.0.1/", "loopback"],
    ["https://127.1/", "loopback"],
    ["https://0x7f.0.0.1/", "loopback"],
    ["https://2130706433/", "loopback"],
    ["https://10.1.2.3/", "private-network"],
    ["https://172.16.0.1/", "private-network"],
    ["https://172.31.255.255/", "private-network"],
    ["https://192.168.1.1/", "private-network"],
    ["https://169.254.169.254/latest/meta-data/", "link-local"],
    ["https://100.64.0.1/", "carrier-grade NAT"],
    ["https://0.0.0.0/", "unspecified"],
    ["https://224.0.0.1/", "multicast"],
    ["https://255.255.255.255/", "broadcast"],
    ["https://240.0.0.1/", "reserved"],
    ["https://198.18.0.1/", "benchmarking"],
    ["https://192.0.2.10/", "documentation"],
    ["https://[::1]/", "loopback"],
    ["https://[::]/", "unspecified"],
    ["https://[fc00::1]/", "unique-local"],
    ["https://[fd12:3456::1]/", "unique-local"],
    ["https://[fe80::1]/", "link-local"],
    ["https://[fec0::1]/", "site-local"],
    ["https://[ff02::1]/", "multicast"],
    ["https://[::ffff:127.0.0.1]/", "loopback"],
    ["https://[::ffff:169.254.169.254]/", "link-local"],
    ["https://[::ffff:10.0.0.1]/", "private-network"],
    ["https://[::127.0.0.1]/", "IPv4-compatible"],
    ["https://[64:ff9b::a00:1]/", "NAT64 address carrying a private-network"],
    ["https://[64:ff9b::7f00:1]/", "NAT64 address carrying a loopback"],
    ["https://[2002:a9fe:a9fe::1]/", "6to4 address carrying a link-local"],
    ["https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", "IETF protocol"],
    ["https://[2001:db8::1]/", "documentation"],
    ["https://[100::1]/", "discard-only"],
    ["https://[4000::1]/", "reserved IPv6"],
  ])("refuses %s as %s", async (url, reason) => {
    const error = await refusal(url);
    expect(error.code).toBe("webhook.forbiddenAddress");
    expect(error.message).toContain(reason);
  });

  it("names the host in the message but not the internal address it resolves to", async () => {
    const error = await refusal("https://metadata.internal/", [], resolvingTo("169.254.169.254"));
    expect(error.message).toContain('"metadata.internal"');
    expect(error.message).not.toContain("169.254.169.254");
    expect(error.host).toBe("metadata.internal");
  });

  it("refuses a host when one of its addresses is public and another private", async () => {
    const error = await refusal("https://mixed.example.com/", [], resolvingTo("93.184.216.34", "10.0.0.7"));
    expect(error.code).toBe("webhook.forbiddenAddress");
  });

  it("refuses a host whose only address is IPv4-mapped loopback", async () => {
    const error = await refusal("https://sneaky.example.com/", [], resolvingTo("::ffff:127.0.0.1"));
    expect(error.code).toBe("webhook.forbiddenAddress");
  });

  it("refuses localhost through the system resolver", async () => {
    await expect(checkWebhookTarget("https://localhost/hook", [])).rejects.toMatchObject({
      code: "webhook.forbiddenAddress",
    });
  });
});

describe("addresses a webhook may reach", () => {
  it.each([
    ["https://93.184.216.34/", "93.184.216.34", 4],
    ["https://8.8.8.8/", "8.8.8.8", 4],
    ["https://172.32.0.1/", "172.32.0.1", 4],
    ["https://100.128.0.1/", "100.128.0.1", 4],
    ["https://[2606:4700:4700::1111]/", "2606:4700:4700::1111", 6],
    ["https://[::ffff:8.8.8.8]/", "8.8.8.8", 4],
    ["https://[64:ff9b::808:808]/", "64:ff9b::808:808", 6],
    ["https://[2002:808:808::1]/", "2002:808:808::1", 6],
  ])("accepts %s and connects to %s", async (url, address, family) => {
    const target = await checkWebhookTarget(url, [], noDns);
    expect({ address: target.address, family: target.family }).toEqual({ address, family });
  });

  it("accepts a host resolving only to public addresses and pins the first", async () => {
    const target = await checkWebhookTarget(
      "https://hooks.example.com:8443/in?x=1",
      [],
      resolvingTo("2606:4700::1", "93.184.216.34"),
    );
    expect(target).toMatchObject({ address: "2606:4700::1", family: 6 });
    expect(target.url.href).toBe("https://hooks.example.com:8443/in?x=1");
  });
});

describe("the administrator's allow-list", () => {
  it("allows any address of a listed host name, case-insensitively", async () => {
    const target = await checkWebhookTarget(
      "https://HOOKS.Internal.example/in",
      ["hooks.internal.EXAMPLE"],
      resolvingTo("10.0.0.5"),
    );
    expect(target.address).toBe("10.0.0.5");
  });

  it("allows a listed host name written with a trailing dot", async () => {
    const target = await checkWebhookTarget(
      "https://hooks.internal.example./in",
      ["hooks.internal.example"],
      resolvingTo("10.0.0.5"),
    );
    expect(target.address).toBe("10.0.0.5");
  });

  it("allows a listed IP address and no other", async () => {
    const allowlist = ["10.0.0.5"];
    expect((await checkWebhookTarget("https://a.example/", allowlist, resolvingTo("10.0.0.5"))).address).toBe(
      "10.0.0.5",
    );
    expect((await refusal("https://b.example/", allowlist, resolvingTo("10.0.0.6"))).code).toBe(
      "webhook.forbiddenAddress",
    );
  });

  it("allows addresses inside a listed CIDR range and no others", async () => {
    const allowlist = ["10.0.0.0/8", "fd00::/8"];
    expect(
      (await checkWebhookTarget("https://a.example/", allowlist, resolvingTo("10.200.1.1"))).address,
    ).toBe("10.200.1.1");
    expect((await checkWebhookTarget("https://[fd00::9]/", allowlist, noDns)).address).toBe("fd00::9");
    expect((await refusal("https://b.example/", allowlist, resolvingTo("192.168.0.1"))).code).toBe(
      "webhook.forbiddenAddress",
    );
  });

  it("matches an IPv4-mapped address against a listed IPv4 address", async () => {
    const target = await checkWebhookTarget("https://[::ffff:127.0.0.1]/", ["127.0.0.1"], noDns);
    expect(target).toMatchObject({ address: "127.0.0.1", family: 4 });
  });

  it("still refuses a host whose other address is forbidden and not listed", async () => {
    const error = await refusal(
      "https://mixed.example/",
      ["10.0.0.0/8"],
      resolvingTo("10.0.0.1", "127.0.0.1"),
    );
    expect(error.message).toContain("loopback");
  });

  it("ignores entries that are neither host names, IP addresses nor CIDR ranges", async () => {
    const allowlist = ["10.0.0.0/33", "hooks.internal.example:8443", "*.internal.example", ""];
    expect((await refusal("https://hooks.internal.example/", allowlist, resolvingTo("10.0.0.5"))).code).toBe(
      "webhook.forbiddenAddress",
    );
  });
});

describe("URL rules", () => {
  it("refuses http for a host that is not allow-listed", async () => {
    const error = await refusal("http://hooks.example.com/in", [], resolvingTo("93.184.216.34"));
    expect(error.code).toBe("webhook.scheme");
    expect(error.message).toContain('"hooks.example.com"');
  });

  it("allows http for an allow-listed host name", async () => {
    const target = await checkWebhookTarget(
      "http://hooks.internal.example/in",
      ["hooks.internal.example"],
      resolvingTo("10.0.0.5"),
    );
    expect(target.url.protocol).toBe("http:");
  });

  it("allows http for an IP literal inside an allow-listed range", async () => {
    const target = await checkWebhookTarget("http://127.0.0.1:8080/in", ["127.0.0.0/8"], noDns);
    expect(target).toMatchObject({ address: "127.0.0.1", family: 4 });
  });

  it("refuses http for a host name only because its address is allow-listed", async () => {
    const error = await refusal("http://hooks.example.com/in", ["10.0.0.5"], resolvingTo("10.0.0.5"));
    expect(error.code).toBe("webhook.scheme");
  });

  it.each([
    "ftp://hooks.example.com/in",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "ws://hooks.example.com/",
  ])("refuses the scheme of %s", async (url) => {
    expect((await refusal(url, ["hooks.example.com"])).code).toBe("webhook.scheme");
  });

  it.each([
    "https://alice:hunter2@hooks.example.com/in",
    "https://alice@hooks.example.com/in",
    "https://:hunter2@hooks.example.com/",
  ])("refuses credentials in %s, even for an allow-listed host", async (url) => {
    const error = await refusal(url, ["hooks.example.com"]);
    expect(error.code).toBe("webhook.credentials");
    expect(error.message).not.toMatch(/alice|hunter2/);
  });

  it.each([
    ["text", "not a url"],
    ["a relative path", "/relative/path"],
    ["a URL over 2048 characters", `https://hooks.example.com/${"a".repeat(2100)}`],
  ])("refuses %s as an invalid URL", async (_label, url) => {
    expect((await refusal(url)).code).toBe("webhook.invalidUrl");
  });
});

describe("resolution", () => {
  it("does not look up an IP literal", async () => {
    await expect(checkWebhookTarget("https://93.184.216.34/", [], noDns)).resolves.toMatchObject({
      address: "93.184.216.34",
    });
  });

  it.each(["ENOTFOUND", "ENODATA"])("reports %s as unresolvable", async (code) => {
    const error = await refusal("https://nowhere.example/", [], failingWith(code));
    expect(error.code).toBe("webhook.unresolvable");
    expect(error.message).toContain('"nowhere.example"');
  });

  it("reports a temporary DNS failure apart from an unknown host", async () => {
    expect((await refusal("https://flaky.example/", [], failingWith("EAI_AGAIN"))).code).toBe(
      "webhook.dnsUnavailable",
    );
  });

  it("refuses a host with no addresses", async () => {
    expect((await refusal("https://empty.example/", [], resolvingTo())).code).toBe("webhook.unresolvable");
  });

  it("refuses an answer that is not an IP address", async () => {
    expect((await refusal("https://odd.example/", [], resolvingTo("internal.example"))).code).toBe(
      "webhook.unresolvable",
    );
  });
});
