import { describe, expect, it } from "vitest";
import { expectStoreError, type StoreFactory, useStoreFixture } from "./store-fixture.js";
import { aJob, asEnqueued, at, ids, ODD_KEYS } from "./work-builders.js";

/** A claim at `now` by `owner`, leased for one minute. */
const claimAt = (now: string, owner: string, limit = 10) => ({
  now,
  leaseUntil: new Date(Date.parse(now) + 60_000).toISOString(),
  owner,
  limit,
});

export const describeJobs = (createStore: StoreFactory): void => {
  describe("jobs: enqueue, list, cancel", () => {
    const fx = useStoreFixture(createStore);

    it("lists enqueued jobs as given, with no attempt, lease or error, and the instant they were added", async () => {
      const job = aJob("j1", at(5), { key: "timer:r1", kind: "automation.scheduled", payload: ODD_KEYS });
      const before = new Date().toISOString();
      await fx.acme.enqueueJobs([job]);
      const after = new Date().toISOString();
      const [listed] = await fx.acme.listJobs({ limit: 10 });
      expect(listed).toStrictEqual(asEnqueued(job));
      const createdAt = listed?.createdAt ?? "";
      expect(createdAt >= before && createdAt <= after).toBe(true);
      expect(listed?.key).toBe("timer:r1");
    });

    it("leaves the key of a job without one absent", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(5))]);
      const [listed] = await fx.acme.listJobs({ limit: 10 });
      expect(listed).toStrictEqual(asEnqueued(aJob("j1", at(5))));
      expect(listed !== undefined && "key" in listed).toBe(false);
    });

    it("lists by due time, earliest first, then by id, up to the limit", async () => {
      await fx.acme.enqueueJobs([aJob("b", at(5)), aJob("c", at(1)), aJob("a", at(5)), aJob("d", at(9))]);
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["c", "a", "b", "d"]);
      expect(ids(await fx.acme.listJobs({ limit: 2 }))).toEqual(["c", "a"]);
      expect(await fx.acme.listJobs({ limit: 0 })).toEqual([]);
    });

    it("lists only jobs of `kind` when given", async () => {
      await fx.acme.enqueueJobs([
        aJob("w1", at(3), { kind: "webhook" }),
        aJob("e1", at(1), { kind: "email" }),
        aJob("w2", at(2), { kind: "webhook" }),
      ]);
      expect(ids(await fx.acme.listJobs({ kind: "webhook", limit: 10 }))).toEqual(["w2", "w1"]);
      expect(ids(await fx.acme.listJobs({ kind: "email", limit: 10 }))).toEqual(["e1"]);
      expect(await fx.acme.listJobs({ kind: "web", limit: 10 })).toEqual([]);
    });

    it("refuses a negative or fractional limit", async () => {
      await expect(fx.acme.listJobs({ limit: -1 })).rejects.toThrow(RangeError);
      await expect(fx.acme.listJobs({ limit: 0.5 })).rejects.toThrow(RangeError);
      await expect(fx.acme.claimJobs({ ...claimAt(at(0), "w"), limit: -1 })).rejects.toThrow(RangeError);
    });

    it("replaces the job holding a key: new id, kind, due time and payload, no attempts, no lease", async () => {
      await fx.acme.enqueueJobs([
        aJob("j1", at(1), { key: "sla:r1", payload: { n: 1 } }),
        aJob("other", at(2)),
      ]);
      await fx.acme.claimJobs(claimAt(at(3), "w1"));
      await fx.acme.retryJob("j1", "w1", at(2), "boom");
      await fx.acme.claimJobs(claimAt(at(3), "w1"));
      const replacement = aJob("j2", at(8), { key: "sla:r1", kind: "sla", payload: { n: 2 } });
      await fx.acme.enqueueJobs([replacement]);
      const listed = await fx.acme.listJobs({ limit: 10 });
      expect(ids(listed)).toEqual(["other", "j2"]);
      expect(listed[1]).toStrictEqual(asEnqueued(replacement));
      expect(await fx.acme.completeJob("j1", "w1")).toBe(false);
      expect(await fx.acme.completeJob("j2", "w1")).toBe(false);
    });

    it("keeps the last of several jobs with one key in one call", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1), { key: "k" }), aJob("j2", at(2), { key: "k" })]);
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["j2"]);
    });

    it("re-enqueues a keyed job under its own id", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1), { key: "k" })]);
      await fx.acme.claimJobs(claimAt(at(2), "w1"));
      await fx.acme.enqueueJobs([aJob("j1", at(4), { key: "k", payload: { n: 3 } })]);
      expect(await fx.acme.listJobs({ limit: 10 })).toStrictEqual([
        asEnqueued(aJob("j1", at(4), { key: "k", payload: { n: 3 } })),
      ]);
    });

    it("refuses a job whose id another job holds, adding none of the call's jobs", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1))]);
      await expectStoreError(
        fx.acme.enqueueJobs([aJob("j2", at(2)), aJob("j1", at(3), { key: "k" })]),
        "duplicateId",
      );
      expect(await fx.acme.listJobs({ limit: 10 })).toStrictEqual([asEnqueued(aJob("j1", at(1)))]);
    });

    it("removes the job `completeJob` in the same write that adds the others", async () => {
      await fx.acme.enqueueJobs([aJob("timer", at(1))]);
      await fx.acme.enqueueJobs([aJob("a1", at(2)), aJob("a2", at(3))], { completeJob: "timer" });
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["a1", "a2"]);
    });

    it("keeps `completeJob` when adding the others fails", async () => {
      await fx.acme.enqueueJobs([aJob("timer", at(1)), aJob("taken", at(2))]);
      await expectStoreError(
        fx.acme.enqueueJobs([aJob("taken", at(3))], { completeJob: "timer" }),
        "duplicateId",
      );
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["timer", "taken"]);
    });

    it("cancels the jobs holding the keys, ignoring keys no job holds", async () => {
      await fx.acme.enqueueJobs([
        aJob("j1", at(1), { key: "a" }),
        aJob("j2", at(2), { key: "b" }),
        aJob("j3", at(3), { key: "c" }),
        aJob("j4", at(4)),
      ]);
      await fx.acme.cancelJobs(["a", "c", "nope"]);
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["j2", "j4"]);
      await fx.acme.cancelJobs([]);
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["j2", "j4"]);
    });

    it("does not treat a job id as a key", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1))]);
      await fx.acme.cancelJobs(["j1"]);
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["j1"]);
    });

    it("keeps each tenant's jobs apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await fx.acme.enqueueJobs([aJob("j1", at(1), { key: "k" })]);
      await globex.enqueueJobs([aJob("g1", at(1), { key: "k" })]);
      await globex.cancelJobs(["k"]);
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["j1"]);
      expect(await globex.claimJobs(claimAt(at(5), "w"))).toEqual([]);
      expect(await fx.acme.completeJob("g1", "w")).toBe(false);
    });
  });

  describe("jobs: claim, complete, retry", () => {
    const fx = useStoreFixture(createStore);

    it("claims due jobs only (due at or before now), earliest first then by id, up to the limit", async () => {
      await fx.acme.enqueueJobs([
        aJob("late", at(6)),
        aJob("b", at(2)),
        aJob("now", at(5)),
        aJob("a", at(2)),
        aJob("c", at(1)),
      ]);
      expect(ids(await fx.acme.claimJobs(claimAt(at(5), "w1", 3)))).toEqual(["c", "a", "b"]);
      expect(ids(await fx.acme.claimJobs(claimAt(at(5), "w1", 3)))).toEqual(["now"]);
      expect(await fx.acme.claimJobs(claimAt(at(5), "w1", 3))).toEqual([]);
      expect(await fx.acme.claimJobs({ ...claimAt(at(9), "w1"), limit: 0 })).toEqual([]);
    });

    it("leases a claimed job to its owner until the lease's end and counts the attempt", async () => {
      const job = aJob("j1", at(1), { key: "k", payload: ODD_KEYS });
      await fx.acme.enqueueJobs([job]);
      const claim = claimAt(at(2), "worker-1");
      const expected = {
        ...asEnqueued(job),
        attempts: 1,
        leasedUntil: claim.leaseUntil,
        leaseOwner: "worker-1",
      };
      expect(await fx.acme.claimJobs(claim)).toStrictEqual([expected]);
      expect(await fx.acme.listJobs({ limit: 10 })).toStrictEqual([expected]);
    });

    it("never gives a job to a second claim while its lease lasts", async () => {
      await fx.acme.enqueueJobs([aJob("a", at(1)), aJob("b", at(2)), aJob("c", at(3))]);
      expect(ids(await fx.acme.claimJobs(claimAt(at(5), "w1", 2)))).toEqual(["a", "b"]);
      expect(ids(await fx.acme.claimJobs(claimAt(at(5), "w2", 2)))).toEqual(["c"]);
      expect(await fx.acme.claimJobs(claimAt(at(5, 59, 999), "w3", 5))).toEqual([]);
    });

    it("never gives one job to two concurrent claims", async () => {
      await fx.acme.enqueueJobs(Array.from({ length: 6 }, (_, i) => aJob(`j${i}`, at(1))));
      const claims = await Promise.all(
        Array.from({ length: 10 }, (_, i) => fx.acme.claimJobs(claimAt(at(2), `w${i}`, 1))),
      );
      const claimed = claims.flatMap(ids).sort();
      expect(claimed).toEqual(["j0", "j1", "j2", "j3", "j4", "j5"]);
      expect((await fx.acme.listJobs({ limit: 10 })).every((job) => job.attempts === 1)).toBe(true);
    });

    it("gives a job to another claim once its lease ended before now", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1))]);
      const first = claimAt(at(2), "w1");
      await fx.acme.claimJobs(first);
      expect(await fx.acme.claimJobs(claimAt(first.leaseUntil, "w2"))).toEqual([]);
      const [again] = await fx.acme.claimJobs(claimAt(at(3, 0, 1), "w2"));
      expect(again).toMatchObject({ id: "j1", attempts: 2, leaseOwner: "w2" });
      expect(await fx.acme.completeJob("j1", "w1")).toBe(false);
      expect(await fx.acme.completeJob("j1", "w2")).toBe(true);
    });

    it("removes a completed job held by its owner, once", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1)), aJob("j2", at(1))]);
      await fx.acme.claimJobs(claimAt(at(2), "w1"));
      expect(await fx.acme.completeJob("j1", "w1")).toBe(true);
      expect(await fx.acme.completeJob("j1", "w1")).toBe(false);
      expect(ids(await fx.acme.listJobs({ limit: 10 }))).toEqual(["j2"]);
    });

    it("refuses to complete a job for a worker that does not hold it, changing nothing", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1)), aJob("free", at(9))]);
      const [held] = await fx.acme.claimJobs(claimAt(at(2), "w1"));
      expect(await fx.acme.completeJob("j1", "w2")).toBe(false);
      expect(await fx.acme.completeJob("free", "w1")).toBe(false);
      expect(await fx.acme.completeJob("nope", "w1")).toBe(false);
      const listed = await fx.acme.listJobs({ limit: 10 });
      expect(listed[0]).toStrictEqual(held);
      expect(ids(listed)).toEqual(["j1", "free"]);
    });

    it("makes a retried job due again at its new time, without lease, noting the error", async () => {
      const job = aJob("j1", at(1));
      await fx.acme.enqueueJobs([job]);
      await fx.acme.claimJobs(claimAt(at(2), "w1"));
      expect(await fx.acme.retryJob("j1", "w1", at(7), "HTTP 503")).toBe(true);
      expect(await fx.acme.listJobs({ limit: 10 })).toStrictEqual([
        { ...asEnqueued(job), dueAt: at(7), attempts: 1, lastError: "HTTP 503" },
      ]);
      expect(await fx.acme.claimJobs(claimAt(at(6), "w2"))).toEqual([]);
      const [again] = await fx.acme.claimJobs(claimAt(at(7), "w2"));
      expect(again).toMatchObject({ id: "j1", attempts: 2, leaseOwner: "w2", lastError: "HTTP 503" });
      expect(await fx.acme.retryJob("j1", "w1", at(9), "late")).toBe(false);
    });

    it("refuses to retry a job for a worker that does not hold it, changing nothing", async () => {
      await fx.acme.enqueueJobs([aJob("j1", at(1)), aJob("free", at(9))]);
      const [held] = await fx.acme.claimJobs(claimAt(at(2), "w1"));
      expect(await fx.acme.retryJob("j1", "w2", at(5), "x")).toBe(false);
      expect(await fx.acme.retryJob("free", "w1", at(5), "x")).toBe(false);
      expect(await fx.acme.retryJob("nope", "w1", at(5), "x")).toBe(false);
      const listed = await fx.acme.listJobs({ limit: 10 });
      expect(listed).toStrictEqual([held, asEnqueued(aJob("free", at(9)))]);
    });
  });
};
