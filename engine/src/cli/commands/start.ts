import { configFromEnv } from "../../server/server-config.js";
import { startServer } from "../../server/start-server.js";
import type { CommandOutput } from "./metadata-validate.js";

/** `tessera start`: runs until SIGINT/SIGTERM, then shuts down gracefully. */
export const start = async (io: CommandOutput): Promise<number> => {
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(configFromEnv(), io.out);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "EADDRINUSE"
        ? "the port is already in use; set PORT to another one"
        : (error as Error).message;
    io.err(`tessera start: ${message}`);
    return 1;
  }
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      io.out(`Received ${signal}; finishing in-flight requests...`);
      running.stop().then(resolve, resolve);
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  return 0;
};
