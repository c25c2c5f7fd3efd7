import type { JsonObject } from "@tessera/metadata";
import type { Filter, UpdateFilter } from "mongodb";
import { checkedLimit } from "../list-limit.js";
import type { EmailQuery, OutboxEmail } from "../work-types.js";
import type { AtomicWrites } from "./atomic-writes.js";
import { expectString } from "./expect-string.js";
import { insertUnlessExists } from "./insert-unless-exists.js";
import type { EmailDocument, TenantCollections } from "./tenant-collections.js";

/** Newest first: ids are ULIDs. */
export const EMAIL_SORT = { _id: -1 } as const;

export type EmailState = Pick<OutboxEmail, "status" | "attempts"> & { lastError?: string; sentAt?: string };

export const emailToDocument = (email: OutboxEmail): EmailDocument => ({
  _id: expectString(email.id, "E-mail id"),
  at: email.at,
  to: email.to,
  subject: email.subject,
  html: email.html,
  text: email.text,
  status: email.status,
  attempts: email.attempts,
  ...(email.lastError !== undefined && { lastError: email.lastError }),
  ...(email.sentAt !== undefined && { sentAt: email.sentAt }),
  ...(email.source !== undefined && { source: JSON.stringify(email.source) }),
});

export const emailFromDocument = (document: EmailDocument): OutboxEmail => ({
  id: document._id,
  at: document.at,
  to: document.to,
  subject: document.subject,
  html: document.html,
  text: document.text,
  status: document.status,
  attempts: document.attempts,
  ...(document.lastError !== undefined && { lastError: document.lastError }),
  ...(document.sentAt !== undefined && { sentAt: document.sentAt }),
  ...(document.source !== undefined && { source: JSON.parse(document.source) as JsonObject }),
});

export const emailSelection = (query: Pick<EmailQuery, "before" | "status">): Filter<EmailDocument> => ({
  ...(query.status !== undefined && {
    status: { $eq: expectString(query.status, "Status") as EmailQuery["status"] },
  }),
  ...(query.before !== undefined && { _id: { $lt: expectString(query.before, "Cursor") } }),
});

/** Replaces the whole delivery state: an error or sent time the state has not is removed. */
export const emailStateUpdate = (state: EmailState): UpdateFilter<EmailDocument> => {
  const unset = {
    ...(state.lastError === undefined && { lastError: "" as const }),
    ...(state.sentAt === undefined && { sentAt: "" as const }),
  };
  return {
    $set: {
      status: state.status,
      attempts: state.attempts,
      ...(state.lastError !== undefined && { lastError: state.lastError }),
      ...(state.sentAt !== undefined && { sentAt: state.sentAt }),
    },
    // Servers before 5.0 refuse an empty $unset.
    ...(Object.keys(unset).length > 0 && { $unset: unset }),
  };
};

export const addEmails = async (
  collections: TenantCollections,
  atomic: AtomicWrites,
  emails: readonly OutboxEmail[],
): Promise<void> => {
  if (emails.length === 0) return;
  const operations = emails.map((email) => insertUnlessExists(emailToDocument(email)));
  await atomic(async (session) => {
    await collections.emails.bulkWrite(operations, { session, ordered: true });
  });
};

export const getEmail = async (
  collections: TenantCollections,
  id: string,
): Promise<OutboxEmail | undefined> => {
  const document = await collections.emails.findOne({ _id: { $eq: expectString(id, "E-mail id") } });
  return document === null ? undefined : emailFromDocument(document);
};

export const listEmails = async (
  collections: TenantCollections,
  query: EmailQuery,
): Promise<OutboxEmail[]> => {
  const limit = checkedLimit(query.limit, "E-mail");
  // A limit of 0 means "no limit" to MongoDB.
  if (limit === 0) return [];
  const documents = await collections.emails
    .find(emailSelection(query), { sort: EMAIL_SORT, limit })
    .toArray();
  return documents.map(emailFromDocument);
};

export const updateEmail = async (
  collections: TenantCollections,
  id: string,
  state: EmailState,
): Promise<boolean> => {
  const result = await collections.emails.updateOne(
    { _id: { $eq: expectString(id, "E-mail id") } },
    emailStateUpdate(state),
  );
  return result.matchedCount === 1;
};
