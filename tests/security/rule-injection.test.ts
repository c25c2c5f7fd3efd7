import type { ObjectDefinition } from "@tessera/metadata";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anObject } from "../engine/support/object-builder.js";
import { expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { formula, text } from "../metadata/builders.js";

let t: TestServer;

const draft = (kind: string, name: string) => `/api/v1/metadata/draft/${kind}/${name}`;

/** Puts `doc` and expects 422 with an error at `pointer`; then proves no draft was stored. */
const expectRefusedAt = async (
  doc: { kind: string; name: string },
  pointer: string,
  code = "rule.forbiddenField",
) => {
  const res = await t.admin.put(draft(doc.kind, doc.name), doc);
  expect(expectProblem(res, 422).errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ path: pointer, code })]),
  );
  expectProblem(await t.admin.get(draft(doc.kind, doc.name)), 404);
};

const withFormula = (expression: unknown): ObjectDefinition =>
  anObject("probe")
    .withField(text("title"), formula("leak", { returnType: "text", expression }))
    .build();

beforeAll(async () => {
  t = await startTestServer();
});

afterAll(async () => {
  await t?.close();
});

describe("inherited properties in formulas are refused when the draft is written", () => {
  it.each([
    [{ var: "constructor" }, "/fields/1/expression/var"],
    [{ var: "__proto__" }, "/fields/1/expression/var"],
    [{ var: "title.constructor" }, "/fields/1/expression/var"],
    [{ var: ["constructor", "fallback"] }, "/fields/1/expression/var/0"],
    [{ cat: ["x", { var: "prototype" }] }, "/fields/1/expression/cat/1/var"],
    [{ if: [true, { var: "__proto__.polluted" }, "no"] }, "/fields/1/expression/if/1/var"],
  ])("refuses %j with 422 at %s", async (expression, pointer) => {
    await expectRefusedAt(withFormula(expression), pointer);
  });

  it("refuses reading a method such as toString as if it were a field", async () => {
    await expectRefusedAt(withFormula({ var: "toString" }), "/fields/1/expression/var", "rule.unknownField");
  });

  it("refuses operations outside the language (no method calls)", async () => {
    await expectRefusedAt(
      withFormula({ method: [{ var: "title" }, "constructor"] }),
      "/fields/1/expression",
      "rule.unknownOperator",
    );
  });

  it("refuses a formula nested deeper than the rule budget with 422, and a far deeper body at the edge", async () => {
    const nested = (levels: number) => {
      let rule: unknown = { var: "title" };
      for (let i = 0; i < levels; i += 1) rule = { cat: [rule] };
      return rule;
    };
    const overBudget = await t.admin.put(draft("object", "probe"), withFormula(nested(40)));
    expect(expectProblem(overBudget, 422).errors).toEqual([
      expect.objectContaining({ code: "rule.tooDeep" }),
    ]);
    const absurd = await t.admin.put(draft("object", "probe"), withFormula(nested(1000)));
    expect(expectProblem(absurd, 400).errors).toEqual([expect.objectContaining({ code: "body.tooDeep" })]);
    expectProblem(await t.admin.get(draft("object", "probe")), 404);
  });
});

describe("inherited properties in validation rules, defaults and list-view filters", () => {
  it("refuses a validation rule reading __proto__ at its pointer", async () => {
    const doc = anObject("probe")
      .withField(text("title"))
      .withRule("sneaky", { "!!": { var: "__proto__" } }, "never")
      .build();
    await expectRefusedAt(doc, "/validationRules/0/errorWhen/!!/var");
  });

  it("refuses a validation rule reducing over constructor", async () => {
    const rule = {
      reduce: [{ var: "constructor" }, { "+": [{ var: "current" }, { var: "accumulator" }] }, 0],
    };
    const doc = anObject("probe").withField(text("title")).withRule("sneaky", rule, "never").build();
    await expectRefusedAt(doc, "/validationRules/0/errorWhen/reduce/0/var");
  });

  it("refuses an expression default reading an inherited property", async () => {
    const doc = anObject("probe")
      .withField(
        text("title"),
        text("copy", { default: { expression: { cat: [{ var: "title.__proto__" }] } } }),
      )
      .build();
    await expectRefusedAt(doc, "/fields/1/default/expression/cat/0/var");
  });

  it("refuses a list-view filter on constructor", async () => {
    const view = {
      kind: "listView",
      name: "probeView",
      object: "account",
      label: { en: "Probe" },
      columns: ["name"],
      filter: { "==": [{ var: "constructor" }, 1] },
    };
    await expectRefusedAt(view, "/filter/==/0", "filter.unknownField");
  });

  it("leaves nothing of these attempts in the draft", async () => {
    const list = await t.admin.get<{ documents: Array<{ name: string }> }>("/api/v1/metadata/draft");
    expect(list.body.documents.map((d) => d.name)).not.toContain("probe");
    expect(list.body.documents.map((d) => d.name)).not.toContain("probeView");
  });
});
