import { Query } from "mingo";
import { describe, expect, it } from "vitest";
import {
  claimableSelection,
  claimUpdate,
  heldSelection,
  JOB_SORT,
  jobFromDocument,
  jobToDocument,
  kindSelection,
  retryUpdate,
} from "../../../engine/src/store/mongo/jobs.js";
import type { JobDocument } from "../../../engine/src/store/mongo/tenant-collections.js";
import type { ClaimJobs, Job } from "../../../engine/src/store/work-types.js";
import { mingoUpdateOne } from "./mingo-update.js";

// The job selections and updates the MongoDB adapter sends, run by mingo (a MongoDB query-language
// implementation) over the documents it stores: the adapter's answers without a server.

const CREATED = "2025-01-01T09:00:00.000Z";
const at = (minute: number, ms = 0): string =>
  `2025-01-01T10:${String(minute).padStart(2, "0")}:00.${String(ms).padStart(3, "0")}Z`;

const aDocument = (id: string, dueAt: string, extra: Partial<JobDocument> = {}): JobDocument => ({
  ...jobToDocument({ id, kind: "test", dueAt, payload: {} }, CREATED),
  ...extra,
});

/** The adapter's claim loop: one findOneAndUpdate (sorted) per job, until the limit or none is left. */
const claim = (documents: JobDocument[], request: ClaimJobs): string[] => {
  const claimed: string[] = [];
  while (claimed.length < request.limit) {
    const result = mingoUpdateOne(documents, claimableSelection(request.now), claimUpdate(request), JOB_SORT);
    if (result.matchedCount === 0 || result.modifiedIndex === undefined) break;
    claimed.push((documents[result.modifiedIndex] as JobDocument)._id);
  }
  return claimed;
};

const claimAt = (now: string, owner: string, limit = 10): ClaimJobs => ({
  now,
  leaseUntil: new Date(Date.parse(now) + 60_000).toISOString(),
  owner,
  limit,
});

const byId = (documents: JobDocument[], id: string): JobDocument | undefined =>
  documents.find((document) => document._id === id);

const selects = (selection: object, documents: JobDocument[]): string[] =>
  new Query(selection as Record<string, unknown>)
    .find<JobDocument>(documents)
    .all()
    .map((document) => document._id);

describe("MongoDB job claims", () => {
  it("claims due jobs only (due at or before now), earliest first then by id", () => {
    const documents = [
      aDocument("late", at(6)),
      aDocument("b", at(2)),
      aDocument("now", at(5)),
      aDocument("a", at(2)),
      aDocument("c", at(1)),
    ];
    expect(claim(documents, claimAt(at(5), "w1", 3))).toEqual(["c", "a", "b"]);
    expect(claim(documents, claimAt(at(5), "w1", 3))).toEqual(["now"]);
    expect(claim(documents, claimAt(at(5), "w1", 3))).toEqual([]);
  });

  it("leases to the owner until the lease's end and counts the attempt", () => {
    const documents = [aDocument("j1", at(1))];
    const request = claimAt(at(2), "worker-1");
    claim(documents, request);
    expect(byId(documents, "j1")).toEqual({
      ...aDocument("j1", at(1)),
      attempts: 1,
      leasedUntil: request.leaseUntil,
      leaseOwner: "worker-1",
    });
  });

  it("gives a leased job to no other claim until its lease ended before now", () => {
    const documents = [aDocument("j1", at(1))];
    const first = claimAt(at(2), "w1");
    expect(claim(documents, first)).toEqual(["j1"]);
    expect(claim(documents, claimAt(at(2, 500), "w2"))).toEqual([]);
    expect(claim(documents, claimAt(first.leaseUntil, "w2"))).toEqual([]);
    expect(claim(documents, claimAt(at(3, 1), "w2"))).toEqual(["j1"]);
    expect(byId(documents, "j1")).toMatchObject({ attempts: 2, leaseOwner: "w2" });
  });

  it("makes a retried job claimable again at its new due time, keeping the error", () => {
    const documents = [aDocument("j1", at(1))];
    claim(documents, claimAt(at(2), "w1"));
    expect(
      mingoUpdateOne(documents, heldSelection("j1", "w1"), retryUpdate(at(7), "HTTP 503")).matchedCount,
    ).toBe(1);
    expect(byId(documents, "j1")).toEqual({ ...aDocument("j1", at(7)), attempts: 1, lastError: "HTTP 503" });
    expect(claim(documents, claimAt(at(6), "w2"))).toEqual([]);
    expect(claim(documents, claimAt(at(7), "w2"))).toEqual(["j1"]);
  });
});

describe("MongoDB job ownership", () => {
  it("selects a job only for the worker holding its lease", () => {
    const documents = [aDocument("j1", at(1)), aDocument("free", at(9))];
    claim(documents, claimAt(at(2), "w1"));
    expect(selects(heldSelection("j1", "w1"), documents)).toEqual(["j1"]);
    expect(selects(heldSelection("j1", "w2"), documents)).toEqual([]);
    expect(selects(heldSelection("free", "w1"), documents)).toEqual([]);
  });

  it("selects no job for a worker once the lease was released by a retry", () => {
    const documents = [aDocument("j1", at(1))];
    claim(documents, claimAt(at(2), "w1"));
    mingoUpdateOne(documents, heldSelection("j1", "w1"), retryUpdate(at(5), "x"));
    expect(selects(heldSelection("j1", "w1"), documents)).toEqual([]);
  });

  it("refuses ids and owners that are not strings, which could act as operators", () => {
    expect(() => heldSelection({ $ne: "" } as unknown as string, "w1")).toThrow(TypeError);
    expect(() => heldSelection("j1", { $ne: "" } as unknown as string)).toThrow(TypeError);
    expect(() => kindSelection({ $exists: true } as unknown as string)).toThrow(TypeError);
  });

  it("compares a kind that looks like an operator as a value", () => {
    expect(kindSelection("$where")).toEqual({ kind: { $eq: "$where" } });
    expect(kindSelection(undefined)).toEqual({});
  });
});

describe("MongoDB job documents", () => {
  it("keep the payload as JSON text and read back equal, leaving absent members absent", () => {
    const payload = { "$set.x": { a: [1, null] }, "": true };
    const document = jobToDocument({ id: "j1", key: "sla:r1", kind: "sla", dueAt: at(1), payload }, CREATED);
    expect(document).toStrictEqual({
      _id: "j1",
      key: "sla:r1",
      kind: "sla",
      dueAt: at(1),
      payload: '{"$set.x":{"a":[1,null]},"":true}',
      attempts: 0,
      createdAt: CREATED,
    });
    const job: Job = {
      id: "j1",
      key: "sla:r1",
      kind: "sla",
      dueAt: at(1),
      payload,
      attempts: 0,
      createdAt: CREATED,
    };
    expect(jobFromDocument(document)).toStrictEqual(job);
    const keyless = jobToDocument({ id: "j2", kind: "webhook", dueAt: at(1), payload: {} }, CREATED);
    expect("key" in keyless).toBe(false);
    expect("key" in jobFromDocument(keyless)).toBe(false);
  });

  it("give back the lease and the error of a claimed, retried job", () => {
    const document = {
      ...aDocument("j1", at(1)),
      attempts: 2,
      lastError: "x",
      leasedUntil: at(3),
      leaseOwner: "w",
    };
    expect(jobFromDocument(document)).toStrictEqual({
      id: "j1",
      kind: "test",
      dueAt: at(1),
      payload: {},
      attempts: 2,
      createdAt: CREATED,
      lastError: "x",
      leasedUntil: at(3),
      leaseOwner: "w",
    });
  });

  it("refuse a key that is not a string", () => {
    expect(() =>
      jobToDocument(
        { id: "j1", key: { $gt: "" } as unknown as string, kind: "k", dueAt: at(1), payload: {} },
        CREATED,
      ),
    ).toThrow(TypeError);
  });
});
