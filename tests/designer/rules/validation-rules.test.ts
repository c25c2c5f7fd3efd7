import type { ObjectDefinition, ValidationRule } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  addRule,
  changeMessage,
  changeRule,
  moveRule,
  removeRule,
  withRules,
} from "../../../designer/src/rules/validation-rules.js";

const rule = (name: string, en = name): ValidationRule => ({
  name,
  errorWhen: { missing: [name] },
  message: { en },
});

describe("adding a rule", () => {
  it("adds an empty rule named rule at the end", () => {
    expect(addRule([])).toEqual([{ name: "rule", errorWhen: undefined, message: { en: "" } }]);
  });

  it("numbers the name when it is taken", () => {
    expect(addRule([rule("rule")]).at(-1)?.name).toBe("rule2");
  });
});

describe("naming a rule from its message", () => {
  it("derives the name from the English message while the name is the derived one", () => {
    const [added] = addRule([]);
    const named = changeMessage([added as ValidationRule], 0, { en: "Visit date required" });
    expect(named[0]?.name).toBe("visitDateRequired");
    expect(changeMessage(named, 0, { en: "Visit date is required" })[0]?.name).toBe("visitDateIsRequired");
  });

  it("keeps a name the admin edited", () => {
    const edited = changeRule(changeMessage(addRule([]), 0, { en: "Visit date" }), 0, { name: "mine" });
    expect(changeMessage(edited, 0, { en: "Other text" })[0]?.name).toBe("mine");
  });

  it("keeps the derived name unique among the other rules", () => {
    const rules = changeMessage([rule("visitDate"), ...addRule([rule("visitDate")]).slice(1)], 1, {
      en: "Visit date",
    });
    expect(rules[1]?.name).toBe("visitDate2");
  });

  it("falls back to rule for a message with no Latin letters", () => {
    expect(changeMessage(addRule([]), 0, { en: "必填" })[0]?.name).toBe("rule");
  });
});

describe("changing a rule", () => {
  it("sets the keys given", () => {
    expect(changeRule([rule("a")], 0, { field: "a", active: false })).toEqual([
      { ...rule("a"), field: "a", active: false },
    ]);
  });

  it("removes a key given as undefined", () => {
    expect(
      changeRule([{ ...rule("a"), field: "a", active: false }], 0, { field: undefined, active: undefined }),
    ).toEqual([rule("a")]);
  });

  it("leaves the other rules as they are", () => {
    const rules = [rule("a"), rule("b")];
    expect(changeRule(rules, 1, { name: "c" })[0]).toBe(rules[0]);
  });
});

describe("reordering and removing", () => {
  it("moves a rule to another position", () => {
    expect(moveRule([rule("a"), rule("b"), rule("c")], 2, 0).map((r) => r.name)).toEqual(["c", "a", "b"]);
  });

  it("removes the rule at a position", () => {
    expect(removeRule([rule("a"), rule("b")], 0).map((r) => r.name)).toEqual(["b"]);
  });
});

describe("an object's rules", () => {
  const object = {
    kind: "object",
    name: "visit",
    label: { en: "Visit" },
    pluralLabel: { en: "Visits" },
    recordName: "subject",
    sharingModel: "private",
    fields: [{ type: "text", name: "subject", label: { en: "Subject" } }],
  } satisfies ObjectDefinition;

  it("holds the rules", () => {
    expect(withRules(object, [rule("a")]).validationRules).toEqual([rule("a")]);
  });

  it("has no validationRules once the last rule is removed", () => {
    expect("validationRules" in withRules({ ...object, validationRules: [rule("a")] }, [])).toBe(false);
  });
});
