import { describe, expect, it } from "vitest";
import { isSystemField, NAME_REGEX } from "../../../metadata/src/fields/field-base.js";
import { isPlainObject } from "../../../metadata/src/json/json-types.js";
import { type ObjectDefinition, ObjectDefinitionSchema } from "../../../metadata/src/kinds/object.js";
import { evaluateRule } from "../../../metadata/src/rules/index.js";
import { standardObject, standardObjects } from "../../../metadata/src/standard/standard-objects.js";
import { createAjv } from "../../../metadata/src/validate/create-ajv.js";
import { validateDocuments } from "../../../metadata/src/validate/validate-documents.js";

type Field = ObjectDefinition["fields"][number];

const byName = (name: string): ObjectDefinition => {
  const object = standardObject(name);
  if (object === undefined) throw new Error(`no standard object ${name}`);
  return object;
};

const fieldOf = (object: ObjectDefinition, name: string): Field | undefined =>
  object.fields.find((f) => f.name === name);

const relationshipsOf = (object: ObjectDefinition) =>
  object.fields.flatMap((f) =>
    f.type === "lookup" || f.type === "masterDetail"
      ? [
          {
            from: `${object.name}.${f.name}`,
            type: f.type,
            reference: f.reference,
            relationshipName: f.relationshipName,
          },
        ]
      : [],
  );

/** Every `{"var": ...}` read in an expression, as the first segment of its path. */
const varsIn = (expression: unknown): string[] => {
  if (Array.isArray(expression)) return expression.flatMap(varsIn);
  if (!isPlainObject(expression)) return [];
  return Object.entries(expression).flatMap(([operator, args]) => {
    if (operator !== "var") return varsIn(args);
    const path = Array.isArray(args) ? args[0] : args;
    return typeof path === "string" ? [path.split(".")[0] ?? path] : [];
  });
};

/** JSON pointers of every localized text (an object with an `en` key) lacking real Chinese. */
const untranslated = (node: unknown, path: string): string[] => {
  if (Array.isArray(node)) return node.flatMap((item, i) => untranslated(item, `${path}/${i}`));
  if (!isPlainObject(node)) return [];
  if ("en" in node) {
    const zh = node["zh-CN"];
    return typeof zh === "string" && /\p{Script=Han}/u.test(zh) ? [] : [path];
  }
  return Object.entries(node).flatMap(([key, value]) => untranslated(value, `${path}/${key}`));
};

describe("the standard object catalogue", () => {
  it("ships the ten CRM objects and the four security objects, each name once", () => {
    expect(standardObjects.map((o) => o.name)).toEqual([
      "account",
      "contact",
      "lead",
      "opportunity",
      "product",
      "quote",
      "quoteLine",
      "case",
      "task",
      "user",
      "group",
      "groupMember",
      "permissionSetAssignment",
      "recordShare",
    ]);
  });

  it("finds an object by name, and nothing for an unknown name", () => {
    expect(standardObject("quoteLine")?.label).toEqual({ en: "Quote Line", "zh-CN": "报价单明细" });
    expect(standardObject("invoice")).toBeUndefined();
  });
});

describe("standard objects against ObjectDefinitionSchema", () => {
  const validate = createAjv().compile(ObjectDefinitionSchema);

  it.each(standardObjects.map((o) => [o.name, o] as const))("%s validates", (_name, object) => {
    expect(validate(object) ? [] : validate.errors).toEqual([]);
  });
});

describe("standard field names", () => {
  it("are camelCase and never a system field", () => {
    const bad = standardObjects.flatMap((o) =>
      o.fields
        .filter((f) => !NAME_REGEX.test(f.name) || isSystemField(f.name))
        .map((f) => `${o.name}.${f.name}`),
    );
    expect(bad).toEqual([]);
  });

  it("are unique within their object", () => {
    const duplicates = standardObjects.flatMap((o) =>
      o.fields
        .filter((f, i) => o.fields.findIndex((g) => g.name === f.name) !== i)
        .map((f) => `${o.name}.${f.name}`),
    );
    expect(duplicates).toEqual([]);
  });

  it("name each object's record by a text, autoNumber or text formula field", () => {
    const bad = standardObjects.flatMap((o) => {
      const field = fieldOf(o, o.recordName);
      const ok =
        field !== undefined &&
        (field.type === "text" ||
          field.type === "autoNumber" ||
          (field.type === "formula" && field.returnType === "text"));
      return ok ? [] : [`${o.name}.${o.recordName}`];
    });
    expect(bad).toEqual([]);
  });
});

describe("standard labels", () => {
  it("give every label, plural label, help text, option label and message in English and Chinese", () => {
    expect(standardObjects.flatMap((o) => untranslated(o, `object/${o.name}`))).toEqual([]);
  });

  it.each(["contact", "lead"])(
    "write %s names in Chinese order for Chinese names, Western order otherwise",
    (object) => {
      const fullName = fieldOf(byName(object), "fullName");
      const expression = fullName?.type === "formula" ? fullName.expression : null;
      expect(evaluateRule(expression, { lastName: "王", firstName: "伟" })).toBe("王伟");
      expect(evaluateRule(expression, { lastName: "Chen", firstName: "Li" })).toBe("Li Chen");
      expect(evaluateRule(expression, { lastName: "Chen" })).toBe("Chen");
      expect(evaluateRule(expression, { lastName: "欧阳" })).toBe("欧阳");
    },
  );
});

describe("standard ids", () => {
  it("are std.<object> and std.<object>.<field>", () => {
    const bad = standardObjects.flatMap((o) => [
      ...(o.id === `std.${o.name}` ? [] : [`${o.name}: ${String(o.id)}`]),
      ...o.fields
        .filter((f) => f.id !== `std.${o.name}.${f.name}`)
        .map((f) => `${o.name}.${f.name}: ${String(f.id)}`),
    ]);
    expect(bad).toEqual([]);
  });

  it("are unique across all standard objects", () => {
    const ids = standardObjects.flatMap((o) => [o.id, ...o.fields.map((f) => f.id)]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("standard relationships", () => {
  const relationships = standardObjects.flatMap(relationshipsOf);

  it("reference only standard objects", () => {
    const dangling = relationships
      .filter((r) => standardObject(r.reference) === undefined)
      .map((r) => r.from);
    expect(dangling).toEqual([]);
  });

  it("name the related list of every relationship", () => {
    expect(relationships.filter((r) => r.relationshipName === undefined).map((r) => r.from)).toEqual([]);
  });

  it("use each relationship name once per referenced object", () => {
    const keys = relationships.map((r) => `${r.reference}.${r.relationshipName}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("do not name a related list like a field of the referenced object", () => {
    const clashes = relationships
      .filter((r) => r.relationshipName !== undefined && fieldOf(byName(r.reference), r.relationshipName))
      .map((r) => r.from);
    expect(clashes).toEqual([]);
  });

  it("hang quote lines off their quote and members off their group as master-details", () => {
    expect(relationships.filter((r) => r.type === "masterDetail")).toEqual([
      { from: "quoteLine.quote", type: "masterDetail", reference: "quote", relationshipName: "lines" },
      { from: "groupMember.group", type: "masterDetail", reference: "group", relationshipName: "members" },
    ]);
  });
});

describe("standard rollup summaries", () => {
  const rollups = standardObjects.flatMap((o) =>
    o.fields.flatMap((f) => (f.type === "rollupSummary" ? [{ parent: o.name, field: f }] : [])),
  );

  it("exist on the quote: subtotal and line count", () => {
    expect(rollups.map((r) => `${r.parent}.${r.field.name}`)).toEqual(["quote.subtotal", "quote.lineCount"]);
  });

  it("summarise a child through a master-detail field that references the parent", () => {
    const bad = rollups.filter(({ parent, field }) => {
      const child = standardObject(field.childObject);
      const link = child && fieldOf(child, field.relationshipField);
      return !(link?.type === "masterDetail" && link.reference === parent);
    });
    expect(bad.map((r) => r.field.name)).toEqual([]);
  });

  it("summarise an existing child field unless they count", () => {
    const bad = rollups.filter(({ field }) => {
      const child = standardObject(field.childObject);
      if (field.operation === "count") return field.summaryField !== undefined;
      return field.summaryField === undefined || child === undefined || !fieldOf(child, field.summaryField);
    });
    expect(bad.map((r) => r.field.name)).toEqual([]);
  });
});

describe("standard expressions", () => {
  it("read only fields of their own object (or $-variables) in formulas and validation rules", () => {
    const unknownReads = standardObjects.flatMap((o) => {
      const expressions = [
        ...o.fields.flatMap((f) => (f.type === "formula" ? [f.expression] : [])),
        ...(o.validationRules ?? []).map((r) => r.errorWhen),
      ];
      return expressions
        .flatMap(varsIn)
        .filter((name) => !name.startsWith("$") && fieldOf(o, name) === undefined)
        .map((name) => `${o.name}: ${name}`);
    });
    expect(unknownReads).toEqual([]);
  });

  it("put validation-rule errors on existing fields", () => {
    const bad = standardObjects.flatMap((o) =>
      (o.validationRules ?? [])
        .filter((r) => r.field !== undefined && fieldOf(o, r.field) === undefined)
        .map((r) => `${o.name}.${r.name}`),
    );
    expect(bad).toEqual([]);
  });
});

describe("standard objects as one metadata set", () => {
  it("pass every semantic check together", () => {
    expect(validateDocuments(standardObjects)).toEqual([]);
  });
});
