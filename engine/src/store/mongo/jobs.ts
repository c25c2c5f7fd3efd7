import type { JsonObject } from "@tessera/metadata";
import type { ClientSession, Filter, UpdateFilter } from "mongodb";
import { checkedLimit } from "../list-limit.js";
import { StoreError } from "../store-port.js";
import type { ClaimJobs, Job, NewJob } from "../work-types.js";
import type { AtomicWrites } from "./atomic-writes.js";
import { duplicateKeyOf } from "./duplicate-key.js";
import { expectString } from "./expect-string.js";
import type { JobDocument, TenantCollections } from "./tenant-collections.js";

/** Earliest due first; `_id` breaks ties, so the order is total. */
export const JOB_SORT = { dueAt: 1, _id: 1 } as const;

export const jobToDocument = (job: NewJob, createdAt: string): JobDocument => ({
  _id: expectString(job.id, "Job id"),
  ...(job.key !== undefined && { key: expectString(job.key, "Job key") }),
  kind: job.kind,
  dueAt: job.dueAt,
  payload: JSON.stringify(job.payload),
  attempts: 0,
  createdAt,
});

export const jobFromDocument = (document: JobDocument): Job => ({
  id: document._id,
  ...(document.key !== undefined && { key: document.key }),
  kind: document.kind,
  dueAt: document.dueAt,
  payload: JSON.parse(document.payload) as JsonObject,
  attempts: document.attempts,
  createdAt: document.createdAt,
  ...(document.lastError !== undefined && { lastError: document.lastError }),
  ...(document.leasedUntil !== undefined && { leasedUntil: document.leasedUntil }),
  ...(document.leaseOwner !== undefined && { leaseOwner: document.leaseOwner }),
});

/** Jobs due at `now` that nobody holds: never leased, released, or leased until before `now`. */
export const claimableSelection = (now: string): Filter<JobDocument> => ({
  dueAt: { $lte: expectString(now, "Claim instant") },
  $or: [{ leasedUntil: { $exists: false } }, { leasedUntil: { $lt: now } }],
});

export const claimUpdate = (claim: ClaimJobs): UpdateFilter<JobDocument> => ({
  $set: { leasedUntil: claim.leaseUntil, leaseOwner: expectString(claim.owner, "Lease owner") },
  $inc: { attempts: 1 },
});

/** The job `id` while `owner` holds it; a retry or a later claim by another worker ends that. */
export const heldSelection = (id: string, owner: string): Filter<JobDocument> => ({
  _id: { $eq: expectString(id, "Job id") },
  leaseOwner: { $eq: expectString(owner, "Lease owner") },
});

export const retryUpdate = (dueAt: string, error: string): UpdateFilter<JobDocument> => ({
  $set: { dueAt, lastError: error },
  $unset: { leasedUntil: "", leaseOwner: "" },
});

export const kindSelection = (kind: string | undefined): Filter<JobDocument> =>
  kind === undefined ? {} : { kind: { $eq: expectString(kind, "Job kind") } };

/**
 * Adds jobs with the caller's session. A keyed job first removes the job holding its key (a
 * document's `_id` cannot be replaced), so the replacement starts afresh.
 */
export const enqueueJobsIn = async (
  collections: TenantCollections,
  jobs: readonly NewJob[],
  session: ClientSession | undefined,
): Promise<void> => {
  const createdAt = new Date().toISOString();
  for (const job of jobs) {
    const document = jobToDocument(job, createdAt);
    if (document.key !== undefined)
      await collections.jobs.deleteOne({ key: { $eq: document.key } }, { session });
    try {
      await collections.jobs.insertOne(document, { session });
    } catch (error) {
      if (duplicateKeyOf(error) === "_id") throw new StoreError("duplicateId", "A job with this id exists");
      throw error;
    }
  }
};

export const cancelJobsIn = async (
  collections: TenantCollections,
  keys: readonly string[],
  session: ClientSession | undefined,
): Promise<void> => {
  if (keys.length === 0) return;
  await collections.jobs.deleteMany(
    { key: { $in: keys.map((key) => expectString(key, "Job key")) } },
    { session },
  );
};

/** Removes one job whatever its lease, with the caller's session: the write was its work. */
export const removeJobIn = async (
  collections: TenantCollections,
  id: string,
  session: ClientSession | undefined,
): Promise<void> => {
  await collections.jobs.deleteOne({ _id: { $eq: expectString(id, "Job id") } }, { session });
};

export class Jobs {
  readonly #collections: TenantCollections;
  readonly #atomic: AtomicWrites;

  constructor(collections: TenantCollections, atomic: AtomicWrites) {
    this.#collections = collections;
    this.#atomic = atomic;
  }

  async enqueue(jobs: readonly NewJob[], completeJob?: string): Promise<void> {
    if (jobs.length === 0 && completeJob === undefined) return;
    await this.#atomic(async (session) => {
      if (completeJob !== undefined) await removeJobIn(this.#collections, completeJob, session);
      await enqueueJobsIn(this.#collections, jobs, session);
    });
  }

  async cancel(keys: readonly string[]): Promise<void> {
    await cancelJobsIn(this.#collections, keys, undefined);
  }

  /**
   * Leases one job per findOneAndUpdate: each is atomic on its document and re-checks the
   * selection, so two workers never both lease a job. Concurrent enqueues may come between them,
   * hence the final sort.
   */
  async claim(claim: ClaimJobs): Promise<Job[]> {
    const limit = checkedLimit(claim.limit, "Claim");
    const selection = claimableSelection(claim.now);
    const update = claimUpdate(claim);
    const claimed: Job[] = [];
    while (claimed.length < limit) {
      const document = await this.#collections.jobs.findOneAndUpdate(selection, update, {
        sort: JOB_SORT,
        returnDocument: "after",
      });
      if (document === null) break;
      claimed.push(jobFromDocument(document));
    }
    return claimed.sort(byDueTime);
  }

  async complete(id: string, owner: string): Promise<boolean> {
    return (await this.#collections.jobs.deleteOne(heldSelection(id, owner))).deletedCount === 1;
  }

  async retry(id: string, owner: string, dueAt: string, error: string): Promise<boolean> {
    const result = await this.#collections.jobs.updateOne(
      heldSelection(id, owner),
      retryUpdate(dueAt, error),
    );
    return result.matchedCount === 1;
  }

  async list(options: { kind?: string; limit: number }): Promise<Job[]> {
    const limit = checkedLimit(options.limit, "Job");
    // A limit of 0 means "no limit" to MongoDB.
    if (limit === 0) return [];
    const documents = await this.#collections.jobs
      .find(kindSelection(options.kind), { sort: JOB_SORT, limit })
      .toArray();
    return documents.map(jobFromDocument);
  }
}

const byDueTime = (a: Job, b: Job): number =>
  a.dueAt === b.dueAt ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.dueAt < b.dueAt ? -1 : 1;
