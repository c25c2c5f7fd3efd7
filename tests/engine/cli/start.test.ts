import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli-process.js";

describe("tessera start", { timeout: 30_000 }, () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "tessera-start-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a too short admin password with one clear line and creates nothing", async () => {
    const result = await runCli(["start"], dataDir, { TESSERA_ADMIN_PASSWORD: "short", PORT: "0" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("tessera start: TESSERA_ADMIN_PASSWORD needs at least 8 characters");
    expect(await readdir(dataDir)).toEqual([]);
  });

  it("refuses a PORT that is not a port number", async () => {
    const result = await runCli(["start"], dataDir, { PORT: "http" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('PORT must be a port number, not "http"');
  });
});
