import { parseArgs } from "node:util";
import { metadataValidate } from "./commands/metadata-validate.js";
import { start } from "./commands/start.js";
import { tenantCreate } from "./commands/tenant-create.js";

const USAGE = `Usage: tessera <command>

Commands:
  start                                     Start Tessera (API, runtime, designer) on PORT
  tenant create <name> [--template standard] [--admin-password <pw>] [--sample-data]
                                            Create a tenant with the standard CRM objects
  metadata validate <file-or-dir>           Validate metadata documents (exit 1 listing every problem)

Environment: PORT, TESSERA_DATA_DIR, MONGODB_URI, TESSERA_ADMIN_PASSWORD (see README).
`;

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export const main = async (argv: readonly string[]): Promise<number> => {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: false,
    options: {
      "admin-password": { type: "string" },
      "sample-data": { type: "boolean" },
      template: { type: "string" },
      help: { type: "boolean" },
    },
  });
  const [group, command, ...rest] = positionals;
  if (group === "start" && values.help !== true) return start(io);
  if (group === "metadata" && command === "validate") {
    const target = rest[0];
    if (target === undefined) {
      io.err("tessera metadata validate: name a file or directory.");
      return 2;
    }
    return metadataValidate(target, process.cwd(), io);
  }
  if (group === "tenant" && command === "create" && rest[0] !== undefined) {
    const password = values["admin-password"];
    // Without strict parsing, `--admin-password` given no value arrives as `true`.
    if (password !== undefined && typeof password !== "string") {
      io.err("tessera tenant create: --admin-password needs a value.");
      return 2;
    }
    // Every tenant gets the standard CRM objects; installable template packages come with `package install`.
    if (values.template !== undefined && values.template !== "standard") {
      io.err(`tessera tenant create: unknown template "${String(values.template)}"; available: standard.`);
      return 2;
    }
    return tenantCreate(
      rest[0],
      {
        ...(typeof password === "string" && { adminPassword: password }),
        sampleData: values["sample-data"] === true,
      },
      io,
    );
  }
  io.err(USAGE);
  return values.help === true ? 0 : 2;
};
