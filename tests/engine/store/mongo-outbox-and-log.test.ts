import { Query } from "mingo";
import { describe, expect, it } from "vitest";
import {
  LOG_SORT,
  logFromDocument,
  logSelection,
  logToDocument,
} from "../../../engine/src/store/mongo/automation-log.js";
import { insertUnlessExists } from "../../../engine/src/store/mongo/insert-unless-exists.js";
import {
  EMAIL_SORT,
  emailFromDocument,
  emailSelection,
  emailStateUpdate,
  emailToDocument,
} from "../../../engine/src/store/mongo/outbox-emails.js";
import type { EmailDocument, LogDocument } from "../../../engine/src/store/mongo/tenant-collections.js";
import type { AutomationLogEntry, OutboxEmail } from "../../../engine/src/store/work-types.js";
import { mingoUpdateOne } from "./mingo-update.js";

const AT = "2025-01-01T10:00:00.000Z";

const anEmail = (id: string, extra: Partial<OutboxEmail> = {}): OutboxEmail => ({
  id,
  at: AT,
  to: "ann@example.com",
  subject: `Subject ${id}`,
  html: `<p>${id}</p>`,
  text: id,
  status: "queued",
  attempts: 0,
  ...extra,
});

const aLogEntry = (id: string, kind: AutomationLogEntry["kind"], extra: Partial<AutomationLogEntry> = {}) =>
  ({ id, at: AT, kind, status: "ok", message: `Entry ${id}`, ...extra }) satisfies AutomationLogEntry;

const ids = (documents: ReadonlyArray<{ _id: string }>): string[] => documents.map((d) => d._id);

describe("MongoDB outbox e-mails", () => {
  const documents = [
    anEmail("e1", { status: "sent" }),
    anEmail("e3", { status: "held" }),
    anEmail("e2", { status: "queued" }),
    anEmail("e4", { status: "queued" }),
    anEmail("e5", { status: "queued" }),
  ].map(emailToDocument);
  const list = (query: { before?: string; status?: OutboxEmail["status"] }, limit = 50) =>
    ids(
      new Query(emailSelection(query) as Record<string, unknown>)
        .find<EmailDocument>(documents)
        .sort(EMAIL_SORT)
        .limit(limit)
        .all(),
    );

  it("list newest first by id, of one status, strictly before the cursor", () => {
    expect(list({})).toEqual(["e5", "e4", "e3", "e2", "e1"]);
    expect(list({ before: "e4" })).toEqual(["e3", "e2", "e1"]);
    expect(list({ status: "queued" })).toEqual(["e5", "e4", "e2"]);
    expect(list({ status: "queued", before: "e5" }, 1)).toEqual(["e4"]);
  });

  it("keep the source as JSON text, so keys with $ or dots never reach BSON, and read back equal", () => {
    const email = anEmail("e1", {
      status: "failed",
      attempts: 3,
      lastError: "550",
      sentAt: AT,
      source: { automation: "notify", "$set.x": [1] },
    });
    const document = emailToDocument(email);
    expect(document.source).toBe('{"automation":"notify","$set.x":[1]}');
    expect(emailFromDocument(document)).toStrictEqual(email);
    expect(emailFromDocument(emailToDocument(anEmail("e2")))).toStrictEqual(anEmail("e2"));
  });

  it("replace the whole delivery state, removing an error or sent time the state has not", () => {
    const stored = [emailToDocument(anEmail("e1"))];
    mingoUpdateOne(
      stored,
      { _id: "e1" },
      emailStateUpdate({ status: "queued", attempts: 1, lastError: "timeout" }),
    );
    expect(emailFromDocument(stored[0] as EmailDocument)).toStrictEqual(
      anEmail("e1", { attempts: 1, lastError: "timeout" }),
    );
    mingoUpdateOne(stored, { _id: "e1" }, emailStateUpdate({ status: "sent", attempts: 2, sentAt: AT }));
    expect(emailFromDocument(stored[0] as EmailDocument)).toStrictEqual(
      anEmail("e1", { status: "sent", attempts: 2, sentAt: AT }),
    );
  });

  it("never send an empty $unset, which servers before 5.0 refuse", () => {
    expect(emailStateUpdate({ status: "failed", attempts: 1, lastError: "x", sentAt: AT })).toEqual({
      $set: { status: "failed", attempts: 1, lastError: "x", sentAt: AT },
    });
  });
});

describe("MongoDB automation log", () => {
  const documents = [
    aLogEntry("l3", "email"),
    aLogEntry("l1", "automation"),
    aLogEntry("l4", "automation"),
    aLogEntry("l2", "approval"),
    aLogEntry("l5", "automation"),
  ].map(logToDocument);
  const list = (query: { before?: string; kind?: AutomationLogEntry["kind"] }) =>
    ids(
      new Query(logSelection(query) as Record<string, unknown>)
        .find<LogDocument>(documents)
        .sort(LOG_SORT)
        .all(),
    );

  it("lists newest first by id, of one kind, strictly before the cursor", () => {
    expect(list({})).toEqual(["l5", "l4", "l3", "l2", "l1"]);
    expect(list({ before: "l3" })).toEqual(["l2", "l1"]);
    expect(list({ kind: "automation" })).toEqual(["l5", "l4", "l1"]);
    expect(list({ kind: "automation", before: "l4" })).toEqual(["l1"]);
  });

  it("keeps details as JSON text and reads back equal, leaving absent members absent", () => {
    const full = aLogEntry("l1", "webhook", {
      name: "erpSync",
      object: "invoice",
      recordId: "i1",
      status: "retry",
      details: { "$odd.key": null },
    });
    expect(logToDocument(full).details).toBe('{"$odd.key":null}');
    expect(logFromDocument(logToDocument(full))).toStrictEqual(full);
    expect(logFromDocument(logToDocument(aLogEntry("l2", "email")))).toStrictEqual(aLogEntry("l2", "email"));
  });
});

describe("MongoDB inserts that skip existing ids", () => {
  it("set fields only when the upsert inserts, so an existing document is kept as it is", () => {
    const { _id, ...fields } = emailToDocument(anEmail("e1", { subject: "again" }));
    expect(insertUnlessExists(emailToDocument(anEmail("e1", { subject: "again" })))).toStrictEqual({
      updateOne: { filter: { _id: { $eq: "e1" } }, update: { $setOnInsert: fields }, upsert: true },
    });
    expect(_id).toBe("e1");
  });
});
