import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "../support/cli-process.js";
import { REPO_ROOT } from "../support/typescript-program.js";

const PASSWORD = "package-admin-password";
const FEEDBACK = join(REPO_ROOT, "plugins", "customer-feedback");

let base: string;
let dataDir: string;
const run = (...args: string[]): Promise<CliResult> => runCli(args, dataDir);

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "tessera-cli-pkg-"));
  dataDir = join(base, "data");
  await Promise.all([
    run("tenant", "create", "shop", "--admin-password", PASSWORD),
    run("tenant", "create", "copy", "--admin-password", PASSWORD),
  ]);
}, 120_000);

afterAll(async () => {
  // Temp folders are left to the OS: the CLI children have exited.
});

describe("tessera package", () => {
  it("lists the plugins folder's packages, and a tenant's", async () => {
    const all = await run("package", "list");
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^ {2}sales \d+\.\d+\.\d+ {2}Sales/m);
    expect(all.stdout).toMatch(/^ {2}customer-feedback 1\.0\.0/m);
    const shop = await run("package", "list", "--tenant", "shop");
    expect(shop.stdout).toContain('Installed in tenant "shop":\n  (none)');
  });

  it("installs a package with its sample data, and a second install changes nothing", async () => {
    const first = await run("package", "install", FEEDBACK, "--tenant", "shop", "--sample-data");
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Installed customer-feedback 1\.0\.0: metadata version 2\./m);
    expect(first.stdout).toContain("added object/feedback");
    expect(first.stdout).toMatch(/sample data: \d+ feedback/);
    const again = await run("package", "install", FEEDBACK, "--tenant", "shop");
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout.trim()).toBe("customer-feedback 1.0.0 is already installed; nothing changed.");
    const listed = await run("package", "list", "--tenant", "shop");
    expect(listed.stdout).toMatch(/Installed in tenant "shop":\n {2}customer-feedback 1\.0\.0/);
  });

  it("exports a tenant as a package that installs into another after its dependencies", async () => {
    const out = join(base, "shop-export");
    const exported = await run("package", "export", "--tenant", "shop", "--out", out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported \d+ documents of tenant "shop" as package "shop-export"/);
    expect(await readdir(join(out, "metadata", "object"))).toContain("feedback.json");

    const refused = await run("package", "install", out, "--tenant", "copy");
    expect(refused.code).toBe(1);
    expect(refused.stderr.split("\n")[1]).toBe(
      '/dependencies/customer-feedback: "shop-export" needs the package "customer-feedback" ^1.0.0 installed first [package.dependencyMissing]',
    );
    expect((await run("package", "install", FEEDBACK, "--tenant", "copy")).code).toBe(0);
    const installed = await run("package", "install", out, "--tenant", "copy");
    expect(installed.code).toBe(0);
    expect(installed.stdout).toMatch(/^Installed shop-export 1\.0\.0/m);
  });

  it("reports a broken package one line per problem, with file and pointer, and installs nothing", async () => {
    const dir = join(base, "broken");
    await mkdir(join(dir, "metadata"), { recursive: true });
    await writeFile(
      join(dir, "manifest.json"),
      JSON.stringify({
        kind: "package",
        name: "Broken",
        version: "1.0",
        label: { en: "x" },
        tessera: "*",
        metadata: [],
      }),
    );
    const result = await run("package", "install", dir, "--tenant", "copy");
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/manifest\.json: \/name: /),
        expect.stringMatching(/manifest\.json: \/version: /),
      ]),
    );
    const listed = await run("package", "list", "--tenant", "copy");
    expect(listed.stdout).not.toContain("Broken");
  });

  it("says what is missing when the tenant does not exist", async () => {
    const result = await run("package", "install", FEEDBACK, "--tenant", "ghost");
    expect(result).toMatchObject({ code: 1 });
    expect(result.stderr.trim()).toBe('tessera package install: no tenant "ghost".');
  });
});
