import type { Template } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import {
  dateFields,
  definitionOf,
  messageTemplates,
  payloadTemplates,
  recipientFields,
  userFields,
  watchableFields,
  writableFields,
} from "../../../designer/src/actions/field-choices.js";
import { deal, otherObjectTemplate, printTemplate, reviewedTemplate } from "./fixtures.js";

const names = (items: ReadonlyArray<{ name: string }>) => items.map((item) => item.name);

describe("fields an action may write", () => {
  it("offers every entered field and leaves computed ones out", () => {
    expect(names(writableFields(deal))).toEqual([
      "title",
      "amount",
      "stage",
      "approved",
      "reviewer",
      "sponsor",
      "contactEmail",
      "closeDate",
    ]);
  });

  it("offers nothing while no object is chosen", () => {
    expect(writableFields(undefined)).toEqual([]);
  });
});

describe("fields holding a user", () => {
  it("are user fields, lookups to users, and the owner and editors", () => {
    expect(names(userFields(deal))).toEqual(["reviewer", "sponsor", "ownerId", "createdBy", "updatedBy"]);
  });

  it("for notifications also include e-mail fields", () => {
    expect(names(recipientFields(deal))).toEqual([
      "reviewer",
      "sponsor",
      "contactEmail",
      "ownerId",
      "createdBy",
      "updatedBy",
    ]);
  });
});

describe("fields a time can be counted from", () => {
  it("are the date fields and the record's creation and change times", () => {
    expect(names(dateFields(deal))).toEqual(["closeDate", "createdAt", "updatedAt"]);
  });

  it("a trigger may watch any declared or system field", () => {
    expect(names(watchableFields(deal))).toEqual([
      ...names(deal.fields),
      "ownerId",
      "createdBy",
      "updatedBy",
      "createdAt",
      "updatedAt",
    ]);
  });
});

describe("definitions of the fields a value is picked for", () => {
  it("is the declared definition for a declared field", () => {
    expect(definitionOf(deal, "stage")).toBe(deal.fields[2]);
  });

  it("is a user field for the owner and a date/time field for createdAt", () => {
    expect(definitionOf(deal, "ownerId")).toEqual({
      name: "ownerId",
      label: { en: "Owner", "zh-CN": "所有人" },
      type: "user",
    });
    expect(definitionOf(deal, "createdAt")?.type).toBe("datetime");
  });

  it("is undefined for a field the record does not have", () => {
    expect(definitionOf(deal, "nothing")).toBeUndefined();
  });
});

describe("templates an action may render", () => {
  const anyObject: Template = { ...reviewedTemplate, name: "generic", object: undefined };
  const all = [reviewedTemplate, printTemplate, otherObjectTemplate, anyObject];

  it("notifications take email and notification templates of the object or of any object", () => {
    expect(names(messageTemplates(all, "deal"))).toEqual(["dealReviewed", "generic"]);
  });

  it("webhooks take templates of any purpose for the object or any object", () => {
    expect(names(payloadTemplates(all, "deal"))).toEqual(["dealReviewed", "dealSheet", "generic"]);
  });
});
