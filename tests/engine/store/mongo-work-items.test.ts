import { Query } from "mingo";
import { describe, expect, it } from "vitest";
import type { WorkItemDocument } from "../../../engine/src/store/mongo/tenant-collections.js";
import {
  RECORD_ITEM_SORT,
  recordItemsSelection,
  USER_ITEM_SORT,
  workItemDocuments,
  workItemFromDocument,
} from "../../../engine/src/store/mongo/work-items.js";
import type { WorkItem } from "../../../engine/src/store/work-types.js";

const item = (
  object: string,
  recordId: string,
  userId: string,
  since: string,
  step = "manager",
): WorkItem => ({
  object,
  recordId,
  userId,
  requestId: `req-${recordId}`,
  step,
  since,
});

const T1 = "2025-01-01T10:01:00.000Z";
const T2 = "2025-01-01T10:02:00.000Z";

describe("MongoDB work item documents", () => {
  it("name the written record and read back as the items written", () => {
    const items = [item("invoice", "i1", "ann", T1), item("invoice", "i1", "bob", T2, "finance")];
    const documents = workItemDocuments({ object: "invoice", recordId: "i1" }, items);
    expect(documents).toStrictEqual([
      { object: "invoice", recordId: "i1", userId: "ann", step: "manager", requestId: "req-i1", since: T1 },
      { object: "invoice", recordId: "i1", userId: "bob", step: "finance", requestId: "req-i1", since: T2 },
    ]);
    expect(documents.map(workItemFromDocument)).toStrictEqual(items);
  });

  it("keep the last of items for the same user and step, so the unique key never collides", () => {
    const later = { ...item("invoice", "i1", "ann", T2), requestId: "req-2" };
    const documents = workItemDocuments({ object: "invoice", recordId: "i1" }, [
      item("invoice", "i1", "ann", T1),
      item("invoice", "i1", "ann", T1, "legal"),
      later,
    ]);
    expect(documents.map(workItemFromDocument)).toStrictEqual([
      later,
      item("invoice", "i1", "ann", T1, "legal"),
    ]);
  });

  it("are none for an empty list", () => {
    expect(workItemDocuments({ object: "invoice", recordId: "i1" }, [])).toEqual([]);
  });
});

describe("MongoDB work item queries", () => {
  const documents: WorkItemDocument[] = [
    ...workItemDocuments({ object: "quote", recordId: "q1" }, [item("quote", "q1", "ann", T2)]),
    ...workItemDocuments({ object: "invoice", recordId: "i1" }, [
      item("invoice", "i1", "ann", T2, "legal"),
      item("invoice", "i1", "ann", T2, "finance"),
      item("invoice", "i1", "bob", T1),
    ]),
    ...workItemDocuments({ object: "invoice", recordId: "i2" }, [item("invoice", "i2", "ann", T1)]),
  ];
  const key = (d: WorkItemDocument) => `${d.object}/${d.recordId}/${d.userId}/${d.step}`;

  it("list a user's items oldest first, then by object, record id and step", () => {
    const listed = new Query({ userId: { $eq: "ann" } })
      .find<WorkItemDocument>(documents)
      .sort(USER_ITEM_SORT)
      .all()
      .map(key);
    expect(listed).toEqual([
      "invoice/i2/ann/manager",
      "invoice/i1/ann/finance",
      "invoice/i1/ann/legal",
      "quote/q1/ann/manager",
    ]);
  });

  it("select one record's items, by since, user and step", () => {
    const listed = new Query(recordItemsSelection("invoice", "i1") as Record<string, unknown>)
      .find<WorkItemDocument>(documents)
      .sort(RECORD_ITEM_SORT)
      .all()
      .map(key);
    expect(listed).toEqual(["invoice/i1/bob/manager", "invoice/i1/ann/finance", "invoice/i1/ann/legal"]);
  });

  it("compare names that look like operators as values", () => {
    expect(recordItemsSelection("$where", "$gt")).toEqual({
      object: { $eq: "$where" },
      recordId: { $eq: "$gt" },
    });
    expect(() => recordItemsSelection("invoice", { $ne: "" } as unknown as string)).toThrow(TypeError);
  });
});
