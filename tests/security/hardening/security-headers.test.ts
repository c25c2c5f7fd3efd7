import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../engine/support/test-server.js";

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

/** The Content-Security-Policy as directive name -> sources. */
const cspOf = (headers: Headers): Map<string, string[]> =>
  new Map(
    (headers.get("content-security-policy") ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0] !== "")
      .map(([name = "", ...sources]) => [name, sources]),
  );

// One answer of each sort: success, a JSON API answer, an authentication refusal, an unknown path.
const ANSWERS = [
  ["the health check", () => t.anonymous().get("/healthz")],
  ["an API answer", () => t.admin.get("/api/v1/records/account?limit=1")],
  ["a 401 problem", () => t.anonymous().get("/api/v1/records/account")],
  ["a 404 outside the API", () => t.anonymous().get("/no/such/page")],
] as const;

describe("security headers", () => {
  it.each(ANSWERS)("%s carries a strict Content-Security-Policy", async (_name, request) => {
    const csp = cspOf((await request()).headers);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    const everySource = [...csp.values()].flat();
    expect(everySource).not.toContain("'unsafe-eval'");
    expect(everySource).not.toContain("*");
    expect(everySource).not.toContain("https:");
  });

  it.each(ANSWERS)(
    "%s forbids sniffing, framing and referrers, and asks for HTTPS",
    async (_name, request) => {
      const { headers } = await request();
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("referrer-policy")).toBe("no-referrer");
      expect(headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
      expect(headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(headers.get("cross-origin-resource-policy")).toBe("same-origin");
    },
  );

  it.each(ANSWERS)("%s does not name the server software", async (_name, request) => {
    const { headers } = await request();
    expect(headers.get("x-powered-by")).toBeNull();
    expect(headers.get("server")).toBeNull();
  });

  it("keeps API answers out of every cache", async () => {
    const login = await t.anonymous().request("POST", "/api/v1/auth/login", {
      tenant: "demo",
      username: "admin",
      password: "wrong password",
    });
    expect(login.headers.get("cache-control")).toBe("no-store");
    const records = await t.admin.get("/api/v1/records/account?limit=1");
    expect(records.headers.get("cache-control")).toBe("no-store");
  });
});
