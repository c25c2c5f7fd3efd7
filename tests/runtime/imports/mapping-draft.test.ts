import { describe, expect, it } from "vitest";
import type { ImportView, SavedMapping } from "../../../runtime/src/imports/import-api.js";
import {
  allowedModes,
  applySavedMapping,
  changeMode,
  changeRow,
  draftOf,
  mapColumn,
  mappableFields,
  mappingProblems,
  mapValue,
  matchableFields,
  settingsOf,
  unmappedRequired,
  unmatchedValues,
} from "../../../runtime/src/imports/mapping-draft.js";
import { autoNumber, formula, multiPicklist, option, picklist } from "../../metadata/builders.js";
import { deal, uploaded } from "./data-harness.js";

const editable = deal.fields.map((f) => f.name).filter((name) => name !== "margin");

describe("the draft of an import", () => {
  it("starts from the server's suggestion, inserting with automation on", () => {
    const draft = draftOf(uploaded());
    expect(draft.mode).toBe("insert");
    expect(draft.automation).toBe(true);
    expect(draft.rows.map((r) => [r.column, r.field, r.trim, r.lookupBy])).toEqual([
      ["Name", "title", true, undefined],
      ["Phase", "stage", true, undefined],
      ["Value", "amount", true, undefined],
      ["Company", "account", true, "name"],
      ["Notes", null, true, undefined],
    ]);
  });

  it("starts from the import's own settings when it has them", () => {
    const view = uploaded({
      status: "mapped",
      settings: {
        mapping: [{ column: "Name", field: "code", transform: { trim: false } }],
        mode: "update",
        matchField: "code",
        automation: false,
        dateFormat: "DD/MM/YYYY",
      },
    });
    const draft = draftOf(view);
    expect(settingsOf(draft)).toEqual({
      mapping: [
        { column: "Name", field: "code", transform: { trim: false } },
        { column: "Phase", field: null },
        { column: "Value", field: null },
        { column: "Company", field: null },
        { column: "Notes", field: null },
      ],
      mode: "update",
      matchField: "code",
      automation: false,
      dateFormat: "DD/MM/YYYY",
    });
  });

  it("a column mapped to another field drops the old field's value map, and a lookup is found by name", () => {
    let draft = draftOf(uploaded());
    draft = mapValue(draft, "Phase", "gewonnen", "won");
    draft = mapColumn(draft, deal, "Phase", "account");
    expect(draft.rows[1]).toEqual({
      column: "Phase",
      field: "account",
      trim: true,
      valueMap: {},
      lookupBy: "name",
    });
  });

  it("a value mapped to no option leaves the value map", () => {
    let draft = mapValue(draftOf(uploaded()), "Phase", "gewonnen", "won");
    draft = mapValue(draft, "Phase", "verloren", "lost");
    draft = mapValue(draft, "Phase", "gewonnen", undefined);
    expect(draft.rows[1]?.valueMap).toEqual({ verloren: "lost" });
  });

  it("inserting matches nothing: the match field and a column mapped to the record id go", () => {
    let draft = changeMode(draftOf(uploaded()), "update");
    draft = { ...mapColumn(draft, deal, "Notes", "id"), matchField: "id" };
    draft = changeMode(draft, "insert");
    expect(draft.matchField).toBeUndefined();
    expect(draft.rows[4]?.field).toBeNull();
  });

  it("sends trim off, and leaves empty value maps out", () => {
    const draft = changeRow(draftOf(uploaded()), "Value", { trim: false });
    expect(settingsOf(draft).mapping[2]).toEqual({
      column: "Value",
      field: "amount",
      transform: { trim: false },
    });
  });
});

describe("modes a user may import in", () => {
  it("follow the permissions: insert creates, update edits, upsert does both", () => {
    expect(allowedModes({ create: true, edit: true, delete: false })).toEqual(["insert", "update", "upsert"]);
    expect(allowedModes({ create: true, edit: false, delete: false })).toEqual(["insert"]);
    expect(allowedModes({ create: false, edit: true, delete: false })).toEqual(["update"]);
  });

  it("the first allowed one starts a draft without settings", () => {
    expect(draftOf(uploaded(), "update").mode).toBe("update");
  });
});

describe("saved mappings", () => {
  const saved: SavedMapping = {
    name: "crm",
    object: "deal",
    mapping: [
      { column: "Notes", field: "code", transform: { trim: false } },
      { column: "Missing", field: "title" },
    ],
    mode: "upsert",
    matchField: "code",
    automation: false,
  };

  it("decide the columns they name; the others keep theirs, and columns the file lacks are ignored", () => {
    const draft = applySavedMapping(draftOf(uploaded()), saved);
    expect(draft.rows.map((r) => r.field)).toEqual(["title", "stage", "amount", "account", "code"]);
    expect(draft.rows[4]?.trim).toBe(false);
    expect([draft.mode, draft.matchField, draft.automation]).toEqual(["upsert", "code", false]);
  });

  it("keep the draft's mode and switches when they have none", () => {
    const draft = applySavedMapping(draftOf(uploaded()), { name: "bare", object: "deal", mapping: [] });
    expect([draft.mode, draft.automation]).toEqual(["insert", true]);
  });
});

describe("problems that stop the mapping", () => {
  it("nothing mapped", () => {
    const draft = draftOf(uploaded({ suggestedMapping: [] }));
    expect(mappingProblems(draft)).toEqual([{ code: "nothingMapped" }]);
  });

  it("a field filled by two columns", () => {
    const draft = mapColumn(draftOf(uploaded()), deal, "Notes", "title");
    expect(mappingProblems(draft)).toEqual([
      { code: "mappedTwice", field: "title", columns: ["Name", "Notes"] },
    ]);
  });

  it("an update without a match field, or with one no column fills", () => {
    const draft = changeMode(draftOf(uploaded()), "update");
    expect(mappingProblems(draft)).toEqual([{ code: "noMatchField" }]);
    expect(mappingProblems({ ...draft, matchField: "code" })).toEqual([
      { code: "matchFieldNotMapped", field: "code" },
    ]);
    expect(mappingProblems({ ...mapColumn(draft, deal, "Notes", "code"), matchField: "code" })).toEqual([]);
  });

  it("required fields no column fills are named (a warning)", () => {
    const draft = mapColumn(draftOf(uploaded()), deal, "Name", null);
    expect(unmappedRequired(draft, mappableFields(deal, editable)).map((f) => f.name)).toEqual(["title"]);
  });
});

describe("fields a column may fill", () => {
  it("only fields the user may edit whose value is input (no formulas, auto numbers or files)", () => {
    const object = {
      ...deal,
      fields: [
        ...deal.fields,
        formula("weighted", { expression: { "*": [{ var: "amount" }, 2] }, returnType: "number" }),
        autoNumber("number", { format: "D-{0000}" }),
      ],
    };
    expect(mappableFields(object, [...editable, "weighted", "number"]).map((f) => f.name)).toEqual([
      "title",
      "code",
      "stage",
      "amount",
      "closeOn",
      "account",
      "contactEmail",
    ]);
  });

  it("only unique fields match records", () => {
    expect(matchableFields(deal, editable).map((f) => f.name)).toEqual(["code"]);
  });
});

describe("picklist values that name no option", () => {
  const view: ImportView = uploaded({
    headers: ["Stage", "Tags"],
    preview: [
      ["Won", "vip; Neu"],
      [" 赢单 ", "New;alt"],
      ["gewonnen", ""],
      ["lost", "neu"],
      ["gewonnen", "VIP"],
    ],
  });
  const stage = picklist("stage", { options: [option("won", "Won", "赢单"), option("lost", "Lost")] });
  const tags = multiPicklist("tags", { options: [option("vip", "VIP"), option("new", "New")] });

  it("are those matching no value or label in any language, once each", () => {
    expect(
      unmatchedValues(view, { column: "Stage", field: "stage", trim: true, valueMap: {} }, stage),
    ).toEqual(["gewonnen"]);
  });

  it("of a multi-select picklist are read one by one from `;`-separated cells", () => {
    expect(unmatchedValues(view, { column: "Tags", field: "tags", trim: true, valueMap: {} }, tags)).toEqual([
      "Neu",
      "alt",
      "neu",
    ]);
  });

  it("are none for other fields", () => {
    expect(
      unmatchedValues(view, { column: "Stage", field: "title", trim: true, valueMap: {} }, deal.fields[0]),
    ).toEqual([]);
  });
});
