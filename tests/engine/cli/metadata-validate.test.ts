import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const INVALID = "tests/fixtures/metadata/invalid";
const VALID = "tests/fixtures/metadata/valid";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI from source in a child process, from the repository root. */
const tessera = (...args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=source", "--import", "tsx", "engine/src/cli/run.ts", ...args],
      { cwd: repoRoot, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        resolve({ code, stdout, stderr });
      },
    );
  });

const linesOf = (text: string): string[] => text.split("\n").filter((line) => line !== "");

interface ProblemLine {
  file: string;
  pointer: string;
  message: string;
  code: string;
}

/** `<file>: <json pointer>: <message> [<code>]`; undefined for a line of any other form. */
const parseLine = (line: string): ProblemLine | undefined => {
  const match =
    /^(?<file>[^:]+): (?<pointer>\/\S*): (?<message>.+) \[(?<code>[a-z][A-Za-z]*\.[A-Za-z]+)\]$/.exec(line);
  if (match?.groups === undefined) return undefined;
  const { file = "", pointer = "", message = "", code = "" } = match.groups;
  return { file, pointer, message, code };
};

/** One expected line per mistake the invalid fixtures hold: [file, pointer, code]. */
const EXPECTED: ReadonlyArray<readonly [string, string, string]> = [
  ["not-json.json", "/", "file.invalidJson"],
  ["approval-step-without-approvers.json", "/steps/0/approvers", "schema.minItems"],
  ["approver-of-unknown-type.json", "/steps/0/approvers/0/type", "schema.enum"],
  ["array-of-two.json", "/1/fields/0/type", "field.unknownType"],
  ["duplicate-document.json", "/name", "document.duplicate"],
  ["missing-label.json", "/label", "schema.required"],
  ["misspelt-setting.json", "/fields/1/requried", "schema.additionalProperties"],
  ["not-an-object.json", "/", "document.notAnObject"],
  ["unknown-field-type.json", "/fields/1/type", "field.unknownType"],
  ["unknown-kind.json", "/kind", "document.unknownKind"],
  ["bad-field-names.json", "/fields/1/name", "field.badName"],
  ["bad-field-names.json", "/fields/2/name", "field.badName"],
  ["bad-field-names.json", "/fields/3/name", "field.badName"],
  ["duplicate-field-names.json", "/fields/2/name", "field.duplicateName"],
  ["duplicate-picklist-values.json", "/fields/1/options/1/value", "picklist.duplicateValue"],
  ["formula-cycle.json", "/fields/1/expression", "formula.cycle"],
  ["formula-return-type.json", "/fields/2/returnType", "formula.returnTypeMismatch"],
  ["formula-unknown-field.json", "/fields/2/expression/*/0/var", "rule.unknownField"],
  ["layout-duplicate-field.json", "/sections/1/items/0/field", "layout.duplicateField"],
  ["layout-unknown-field.json", "/sections/0/items/1/field", "layout.unknownField"],
  ["list-view-unknown-filter.json", "/filter/==/0", "filter.unknownField"],
  ["list-view-unknown-sort.json", "/sort/0/field", "listView.unknownField"],
  ["permission-set-unknown-names.json", "/objects/acount", "permissionSet.unknownObject"],
  ["permission-set-unknown-names.json", "/fields/account/fax", "permissionSet.unknownField"],
  ["picklist-default-not-an-option.json", "/fields/1/default", "picklist.defaultNotInOptions"],
  ["reserved-field-name.json", "/fields/1/name", "field.reservedName"],
  ["role-cycle.json", "/0/parent", "role.cycle"],
  ["role-cycle.json", "/1/parent", "role.cycle"],
  ["unknown-reference.json", "/fields/1/reference", "field.unknownReference"],
  ["unknown-reference.json", "/fields/2/reference", "field.unknownReference"],
  ["validation-rule-unknown-field.json", "/validationRules/0/errorWhen/!/var", "rule.unknownField"],
];

const TIMEOUT = 30_000;

describe("tessera metadata validate: valid metadata", () => {
  it(
    "exits 0 for the shipped metadata package, printing nothing on stderr",
    async () => {
      const run = await tessera("metadata", "validate", "metadata/");
      expect(run).toEqual({ code: 0, stdout: "14 metadata documents valid.\n", stderr: "" });
    },
    TIMEOUT,
  );

  it(
    "exits 0 for the valid fixtures, counting each document of an array file",
    async () => {
      const run = await tessera("metadata", "validate", VALID);
      expect(run).toEqual({ code: 0, stdout: "5 metadata documents valid.\n", stderr: "" });
    },
    TIMEOUT,
  );
});

describe("tessera metadata validate: invalid metadata", () => {
  let run: Run;
  beforeAll(async () => {
    run = await tessera("metadata", "validate", INVALID);
  }, TIMEOUT);

  it("exits 1 and prints nothing on stdout", () => {
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
  });

  it("prints every line as `<file>: <json pointer>: <message> [<code>]`", () => {
    const malformed = linesOf(run.stderr).filter((line) => parseLine(line) === undefined);
    expect(malformed).toEqual([]);
  });

  it("prints exactly one line per mistake, naming its file and pointer", () => {
    const found = linesOf(run.stderr).map((line) => {
      const problem = parseLine(line);
      return [problem?.file, problem?.pointer, problem?.code];
    });
    const expected = EXPECTED.map(([file, pointer, code]) => [`${INVALID}/${file}`, pointer, code]);
    const order = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(order(found)).toEqual(order(expected));
  });

  it("reports nothing for the valid account object the other fixtures reference", () => {
    expect(run.stderr).not.toContain(`${INVALID}/account.json`);
  });

  it("words each message as a sentence for an admin, naming what is wrong", () => {
    const messages = new Map(
      linesOf(run.stderr).map((line) => {
        const problem = parseLine(line);
        return [`${problem?.file}${problem?.pointer}`, problem?.message ?? ""];
      }),
    );
    for (const message of messages.values()) {
      expect(message).toMatch(/^["A-Z].*\.$/);
      expect(message).not.toMatch(/undefined|\[object/);
    }
    expect(messages.get(`${INVALID}/unknown-field-type.json/fields/1/type`)).toContain('"texty"');
    expect(messages.get(`${INVALID}/duplicate-document.json/name`)).toContain('"account"');
    expect(messages.get(`${INVALID}/formula-cycle.json/fields/1/expression`)).toContain("a -> b -> a");
    expect(messages.get(`${INVALID}/not-json.json/`)).toMatch(/^Not valid JSON/);
  });
});

describe("tessera metadata validate: paths", () => {
  it(
    "validates a single file",
    async () => {
      const run = await tessera("metadata", "validate", `${INVALID}/unknown-kind.json`);
      expect(run.code).toBe(1);
      expect(linesOf(run.stderr)).toEqual([
        `${INVALID}/unknown-kind.json: /kind: "kind" must be one of: object, layout, listView, app, role, permissionSet, profile, sharingRule, approvalProcess, automation, template, package, report, dashboard, duplicateRule. [document.unknownKind]`,
      ]);
    },
    TIMEOUT,
  );

  it(
    "exits non-zero with one clear line for a path that does not exist",
    async () => {
      const run = await tessera("metadata", "validate", "tests/fixtures/metadata/nowhere");
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe("");
      expect(linesOf(run.stderr)).toEqual([
        "tests/fixtures/metadata/nowhere: /: No such file or directory. [file.notFound]",
      ]);
    },
    TIMEOUT,
  );

  it(
    "exits 2 with a usage line when no path is given",
    async () => {
      const run = await tessera("metadata", "validate");
      expect(run.code).toBe(2);
      expect(linesOf(run.stderr)).toEqual(["tessera metadata validate: name a file or directory."]);
    },
    TIMEOUT,
  );
});
