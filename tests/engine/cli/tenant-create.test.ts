import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startServer } from "@tessera/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, apiClient } from "../support/api-client.js";
import { type CliResult, runCli } from "../support/cli-process.js";

type List = { records: Array<Record<string, unknown>>; total?: number };

const PASSWORD = "acme-admin-password";

let base: string;
let dataDir: string;
let server: RunningServer | undefined;
const results: Record<string, CliResult> = {};

/** The in-process server on the CLI's data directory, started once every command has run. */
const serverUrl = async (): Promise<string> => {
  server ??= await startServer({
    port: 0,
    host: "127.0.0.1",
    dataDir,
    adminPassword: "demo-password",
    logLevel: "silent",
  });
  return server.url;
};

const signIn = async (tenant: string, password: string): Promise<{ status: number; client: ApiClient }> => {
  const client = apiClient(await serverUrl());
  const { status } = await client.login(tenant, "admin", password);
  return { status, client };
};

const treeOf = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true })).map(String).sort();

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "tessera-cli-"));
  dataDir = join(base, "data");
  // Tenants in one data directory are separate files, so independent commands run side by side.
  const [acme, sampled, generated] = await Promise.all([
    runCli(["tenant", "create", "acme", "--admin-password", PASSWORD], dataDir),
    runCli(["tenant", "create", "sampled", "--template", "sales", "--admin-password", PASSWORD], dataDir),
    runCli(["tenant", "create", "generated"], dataDir),
  ]);
  Object.assign(results, { acme, sampled, generated });
  results.again = await runCli(["tenant", "create", "acme", "--admin-password", "another-password"], dataDir);
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await rm(base, { recursive: true, force: true });
});

describe("tessera tenant create", { timeout: 30_000 }, () => {
  it("creates a tenant whose admin signs in with the given password", async () => {
    expect(results.acme).toMatchObject({ code: 0, stderr: "" });
    expect(results.acme?.stdout).toContain('Created tenant "acme"');
    expect(results.acme?.stdout).not.toContain(PASSWORD);
    const { status, client } = await signIn("acme", PASSWORD);
    expect(status).toBe(200);
    const objects = await client.get<{ objects: Array<{ name: string }> }>("/api/v1/metadata/objects");
    expect(objects.body.objects.map((o) => o.name)).toEqual(
      expect.arrayContaining(["account", "contact", "opportunity"]),
    );
    const accounts = await client.get<List>("/api/v1/records/account?count=true");
    expect(accounts.body.total).toBe(0);
    expect((await signIn("acme", "wrong-password")).status).toBe(401);
  });

  it("refuses to create an existing tenant again, with exit code 1, and keeps it as it was", async () => {
    expect(results.again?.code).toBe(1);
    expect(results.again?.stderr.trim()).toBe('tessera tenant create: tenant "acme" already exists.');
    expect(results.again?.stdout).toBe("");
    expect((await signIn("acme", PASSWORD)).status).toBe(200);
    expect((await signIn("acme", "another-password")).status).toBe(401);
  });

  it("creates a tenant from a template with its sample accounts, contacts and opportunities", async () => {
    expect(results.sampled?.code).toBe(0);
    expect(results.sampled?.stdout).toContain('Created tenant "sampled" with the "sales" template');
    const { client } = await signIn("sampled", PASSWORD);
    for (const object of ["account", "contact", "opportunity"]) {
      const list = await client.get<List>(`/api/v1/records/${object}?count=true`);
      expect(list.body.total, object).toBeGreaterThan(0);
    }
  });

  it("refuses an unknown template and sample data without one, creating nothing", async () => {
    const before = await treeOf(base);
    const [unknown, bare] = await Promise.all([
      runCli(["tenant", "create", "nope", "--template", "bakery", "--admin-password", PASSWORD], dataDir),
      runCli(["tenant", "create", "bare", "--sample-data", "--admin-password", PASSWORD], dataDir),
    ]);
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr.trim()).toMatch(
      /^tessera tenant create: unknown template "bakery"; available: standard, .*sales/,
    );
    expect(bare).toMatchObject({ code: 2, stdout: "" });
    expect(bare.stderr).toContain("sample data comes with a template");
    expect(await treeOf(base)).toEqual(before);
  });

  it("prints a generated password once when none is given, and that password works", async () => {
    expect(results.generated?.code).toBe(0);
    const stdout = results.generated?.stdout ?? "";
    const password = /Password \(shown once\): (\S+)/.exec(stdout)?.[1];
    expect(password).toMatch(/^\S{12,}$/);
    expect(stdout.split(String(password))).toHaveLength(2);
    expect((await signIn("generated", String(password))).status).toBe(200);
  });

  it("refuses invalid tenant names with a non-zero exit code, creating no file", async () => {
    const before = await treeOf(base);
    const refused = await Promise.all(
      ["../evil", "Acme"].map((name) =>
        runCli(["tenant", "create", name, "--admin-password", PASSWORD], dataDir),
      ),
    );
    for (const result of refused) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("is not a valid tenant name");
    }
    expect(await treeOf(base)).toEqual(before);
  });

  it("refuses a password shorter than 8 characters or a missing one, creating nothing", async () => {
    const before = await treeOf(base);
    const [short, missing] = await Promise.all([
      runCli(["tenant", "create", "shorty", "--admin-password", "short"], dataDir),
      runCli(["tenant", "create", "nopass", "--admin-password"], dataDir),
    ]);
    expect(short).toMatchObject({ code: 2, stdout: "" });
    expect(short.stderr.trim()).toBe(
      "tessera tenant create: the admin password needs at least 8 characters.",
    );
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr.trim()).toBe("tessera tenant create: --admin-password needs a value.");
    expect(await treeOf(base)).toEqual(before);
  });
});
