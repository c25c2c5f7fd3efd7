import { configFromEnv } from "../../server/server-config.js";
import { startServer } from "../../server/start-server.js";
import type { CommandOutput } from "./metadata-validate.js";

/** `tessera start`: runs until SIGINT/SIGTERM, then shuts down gracefully. */
export const start = async (io: CommandOutput): Promise<number> => {
  const running = await startServer(configFromEnv(), io.out);
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
