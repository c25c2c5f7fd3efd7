import { Query } from "mingo";
import { describe, expect, it } from "vitest";
import {
  AUDIT_SORT,
  auditFromDocument,
  auditSelection,
  auditToDocument,
} from "../../../engine/src/store/mongo/audit-events.js";
import type { AuditDocument } from "../../../engine/src/store/mongo/tenant-collections.js";
import type { AuditEvent } from "../../../engine/src/store/store-port.js";

// The conformance suite's audit cases, answered by mingo (a MongoDB query-language implementation)
// over the documents the adapter stores: the MongoDB adapter's answer without a server.
const EVENTS: AuditEvent[] = [
  { id: "a", at: "2025-01-01T12:00:00.000Z", type: "login.failed" },
  { id: "b", at: "2025-01-01T10:00:00.000Z", type: "logout" },
  { id: "c", at: "2025-01-01T10:00:00.000Z", type: "login.failed" },
  { id: "d", at: "2025-01-01T09:00:00.000Z", type: "login.failed" },
];

const select = (type: string | undefined, before: string | undefined, limit = 50): string[] => {
  const documents = EVENTS.map(auditToDocument);
  const cursorEvent = documents.find((d) => d._id === before);
  if (before !== undefined && cursorEvent === undefined) return [];
  const cursor = cursorEvent === undefined ? undefined : { at: cursorEvent.at, _id: cursorEvent._id };
  return new Query(auditSelection(type, cursor) as Record<string, unknown>)
    .find<AuditDocument>(documents)
    .sort(AUDIT_SORT)
    .limit(limit)
    .all()
    .map((d) => d._id);
};

describe("MongoDB audit query", () => {
  it("lists newest first, then by id among events of the same instant", () => {
    expect(select(undefined, undefined)).toEqual(["a", "c", "b", "d"]);
  });

  it("continues strictly after the cursor event", () => {
    expect(select(undefined, "a", 2)).toEqual(["c", "b"]);
    expect(select(undefined, "c")).toEqual(["b", "d"]);
    expect(select(undefined, "d")).toEqual([]);
  });

  it("combines the type with the cursor", () => {
    expect(select("login.failed", undefined)).toEqual(["a", "c", "d"]);
    expect(select("login.failed", "b")).toEqual(["d"]);
    expect(select("login", undefined)).toEqual([]);
  });

  it("compares a type that looks like an operator as a value", () => {
    expect(auditSelection("$where", undefined)).toEqual({ type: { $eq: "$where" } });
  });
});

describe("MongoDB audit documents", () => {
  it("keep details as JSON text, so keys with $ or dots never reach BSON, and read back equal", () => {
    const event: AuditEvent = {
      id: "e1",
      at: "2025-01-01T10:00:00.000Z",
      type: "metadata.published",
      actorId: "u1",
      actorName: "admin",
      ip: "192.0.2.1",
      target: { object: "metadata", id: "7" },
      details: { "$set.x": { a: [1, null] } },
    };
    const document = auditToDocument(event);
    expect(document).toEqual({
      _id: "e1",
      at: "2025-01-01T10:00:00.000Z",
      type: "metadata.published",
      actorId: "u1",
      actorName: "admin",
      ip: "192.0.2.1",
      target: { object: "metadata", id: "7" },
      details: '{"$set.x":{"a":[1,null]}}',
    });
    expect(auditFromDocument(document)).toStrictEqual(event);
  });

  it("leave absent members absent", () => {
    const event: AuditEvent = { id: "e2", at: "2025-01-01T10:00:00.000Z", type: "logout" };
    expect(auditToDocument(event)).toStrictEqual({ _id: "e2", at: event.at, type: "logout" });
    expect(auditFromDocument(auditToDocument(event))).toStrictEqual(event);
  });
});
