import { parseArgs } from "node:util";
import { setActivePlugins } from "../plugins/active-plugins.js";
import { loadPlugins } from "../plugins/load-plugins.js";
import { configFromEnv } from "../server/server-config.js";
import { metadataValidate } from "./commands/metadata-validate.js";
import { packageExport, packageInstall, packageList } from "./commands/package-commands.js";
import { start } from "./commands/start.js";
import { tenantCreate } from "./commands/tenant-create.js";

const USAGE = `Usage: tessera <command>

Commands:
  start                                     Start Tessera (API, runtime, designer) on PORT
  tenant create <name> [--template <package>] [--admin-password <pw>]
                                            Create a tenant with the standard CRM objects and
                                            optionally a template (sales, manufacturing) with its
                                            sample data
  package install <dir> --tenant <name> [--force] [--sample-data]
                                            Install or upgrade a package in a tenant
  package export --tenant <name> --out <dir> [--name <package>]
                                            Write a tenant's metadata as a package
  package list [--tenant <name>]            Packages of the plugins folder and of a tenant
  metadata validate <file-or-dir>           Validate metadata documents (exit 1 listing every problem)

Environment: PORT, TESSERA_DATA_DIR, MONGODB_URI, TESSERA_ADMIN_PASSWORD, TESSERA_PLUGINS_DIR (see README).
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
      tenant: { type: "string" },
      out: { type: "string" },
      name: { type: "string" },
      force: { type: "boolean" },
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
    // Plugins register field types that documents may use.
    setActivePlugins(await loadPlugins(configFromEnv().pluginsDir));
    return metadataValidate(target, process.cwd(), io);
  }
  if (group === "tenant" && command === "create" && rest[0] !== undefined) {
    const password = values["admin-password"];
    // Without strict parsing, `--admin-password` given no value arrives as `true`.
    if (password !== undefined && typeof password !== "string") {
      io.err("tessera tenant create: --admin-password needs a value.");
      return 2;
    }
    if (values.template !== undefined && typeof values.template !== "string") {
      io.err("tessera tenant create: --template needs a package name.");
      return 2;
    }
    const template = values.template === "standard" ? undefined : values.template;
    if (values["sample-data"] === true && template === undefined) {
      io.err(
        "tessera tenant create: sample data comes with a template; add --template sales (or another package).",
      );
      return 2;
    }
    return tenantCreate(
      rest[0],
      {
        ...(typeof password === "string" && { adminPassword: password }),
        // A template comes with its sample data: that is what makes it a working tenant.
        sampleData: template !== undefined,
        ...(template !== undefined && { template }),
      },
      io,
    );
  }
  if (group === "package") {
    const tenant = typeof values.tenant === "string" ? values.tenant : undefined;
    if (command === "list") return packageList(tenant === undefined ? {} : { tenant }, io);
    if (command === "install" && rest[0] !== undefined && tenant !== undefined)
      return packageInstall(
        rest[0],
        { tenant, force: values.force === true, sampleData: values["sample-data"] === true },
        io,
      );
    if (command === "export" && tenant !== undefined && typeof values.out === "string")
      return packageExport(
        { tenant, out: values.out, ...(typeof values.name === "string" && { name: values.name }) },
        io,
      );
  }
  io.err(USAGE);
  return values.help === true ? 0 : 2;
};
