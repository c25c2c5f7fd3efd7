import { describe, expect, it } from "vitest";
import { isMetadataKind, METADATA_KINDS, metadataKinds } from "../../../metadata/src/kinds/registry.js";
import { refusedAt } from "./schema-errors.js";

describe("metadata kind registry", () => {
  it("lists the fifteen kinds, objects first", () => {
    expect(METADATA_KINDS).toEqual([
      "object",
      "layout",
      "listView",
      "app",
      "role",
      "permissionSet",
      "profile",
      "sharingRule",
      "approvalProcess",
      "automation",
      "template",
      "package",
      "report",
      "dashboard",
      "duplicateRule",
    ]);
  });

  it("keys every descriptor by its own kind, with an English and a Chinese label", () => {
    for (const kind of METADATA_KINDS) {
      const descriptor = metadataKinds[kind];
      expect(descriptor.kind).toBe(kind);
      expect(descriptor.label.en.length).toBeGreaterThan(0);
      expect(descriptor.label["zh-CN"]?.length).toBeGreaterThan(0);
    }
  });

  it("has a strict 2020-12 schema for every kind that refuses another kind's document", () => {
    for (const kind of METADATA_KINDS) {
      expect(refusedAt(metadataKinds[kind].schema, { kind: "nothing", name: "x" })).toContain("/kind");
    }
  });

  it("has a semantic check for every kind but object, whose check lives in validate/", () => {
    expect(METADATA_KINDS.filter((kind) => metadataKinds[kind].check === undefined)).toEqual(["object"]);
  });

  it("recognises kinds and nothing inherited from Object.prototype", () => {
    expect(isMetadataKind("listView")).toBe(true);
    expect(isMetadataKind("constructor")).toBe(false);
    expect(isMetadataKind("toString")).toBe(false);
    expect(isMetadataKind("Layout")).toBe(false);
    expect(isMetadataKind(1)).toBe(false);
  });
});
