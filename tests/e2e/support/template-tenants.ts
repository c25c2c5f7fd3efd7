import { execFile } from "node:child_process";
import { join } from "node:path";
import type { Page } from "playwright-core";

const REPOSITORY = join(import.meta.dirname, "../../..");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `tessera` command (`node engine/bin/tessera.js <args>`) in a child process on the
 * given data directory, as an operator does beside a running server.
 */
export const runTessera = (dataDir: string, args: readonly string[]): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPOSITORY, "engine/bin/tessera.js"), ...args],
      {
        cwd: REPOSITORY,
        env: { ...process.env, TESSERA_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });

/**
 * Signs in through the sign-in page to a tenant; done when the home page greets the user, in
 * English or in Chinese (the sample users of the templates read Chinese).
 */
export const signInToTenant = async (
  page: Page,
  baseUrl: string,
  tenant: string,
  username: string,
  password: string,
): Promise<void> => {
  await page.goto(baseUrl);
  await page.getByLabel("Tenant").fill(tenant);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page
    .getByRole("heading", { level: 2 })
    .filter({ hasText: /Welcome|欢迎/ })
    .waitFor();
};
