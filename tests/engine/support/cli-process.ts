import { type ChildProcess, spawn } from "node:child_process";
import { type ProcessResult, runNode } from "./node-process.js";
import { REPO_ROOT } from "./typescript-program.js";

/** The `tessera` command run from source, as DESIGN section 9 describes it. */
const CLI = ["--conditions=source", "--import", "tsx", "engine/src/cli/run.ts"];

/** The environment of a CLI child: the embedded store in `dataDir`, quiet logs, no MongoDB. */
const cliEnv = (dataDir: string, env: Record<string, string>): NodeJS.ProcessEnv => ({
  ...process.env,
  TESSERA_DATA_DIR: dataDir,
  MONGODB_URI: "",
  TESSERA_ADMIN_PASSWORD: "",
  LOG_LEVEL: "warn",
  ...env,
});

export type CliResult = ProcessResult;

/** Runs `tessera <args>` to completion in a child process. */
export const runCli = (
  args: readonly string[],
  dataDir: string,
  env: Record<string, string> = {},
): Promise<CliResult> => runNode([...CLI, ...args], REPO_ROOT, cliEnv(dataDir, env));

export interface CliServer {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Sends `signal` and resolves once the process has exited, to its exit code or signal. */
  stop(signal: NodeJS.Signals): Promise<number | string | null>;
}

/**
 * Starts `tessera start` in a child process on a free port (PORT=0) and resolves once it prints
 * the URL it listens on.
 */
export const startCliServer = (
  dataDir: string,
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<CliServer> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI, "start"], {
      cwd: REPO_ROOT,
      env: cliEnv(dataDir, { PORT: "0", HOST: "127.0.0.1", ...env }),
    });
    let output = "";
    const exited = new Promise<number | string | null>((done) => {
      child.on("exit", (code, signal) => done(signal ?? code));
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`tessera start printed no URL within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tessera is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      const url = match[1].replace("localhost", "127.0.0.1");
      resolve({
        url,
        child,
        output: () => output,
        stop: (signal) => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tessera start exited (${signal ?? code}) before listening:\n${output}`));
    });
  });
