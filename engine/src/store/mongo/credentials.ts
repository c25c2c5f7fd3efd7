import type { Session } from "../store-port.js";
import type { TenantCollections } from "./tenant-collections.js";

// Every key is compared with $eq, or checked to be a string: a hash or id that is not a string never
// acts as an operator.

export const getPasswordHash = async (
  collections: TenantCollections,
  userId: string,
): Promise<string | undefined> =>
  (await collections.credentials.findOne({ _id: { $eq: userId } }))?.passwordHash;

export const setPasswordHash = async (
  collections: TenantCollections,
  userId: string,
  hash: string,
): Promise<void> => {
  if (typeof userId !== "string" || typeof hash !== "string") throw new TypeError("Expected strings");
  await collections.credentials.updateOne(
    { _id: userId },
    { $set: { passwordHash: hash } },
    { upsert: true },
  );
};

export const createSession = async (collections: TenantCollections, session: Session): Promise<void> => {
  await collections.sessions.insertOne({
    _id: session.tokenHash,
    userId: session.userId,
    createdAt: session.createdAt,
    expiresAt: session.expiresAt,
  });
};

export const getSession = async (
  collections: TenantCollections,
  tokenHash: string,
): Promise<Session | undefined> => {
  const found = await collections.sessions.findOne({ _id: { $eq: tokenHash } });
  return found === null
    ? undefined
    : { tokenHash: found._id, userId: found.userId, createdAt: found.createdAt, expiresAt: found.expiresAt };
};

export const deleteSession = async (collections: TenantCollections, tokenHash: string): Promise<void> => {
  await collections.sessions.deleteOne({ _id: { $eq: tokenHash } });
};

export const deleteSessionsOf = async (collections: TenantCollections, userId: string): Promise<void> => {
  await collections.sessions.deleteMany({ userId: { $eq: userId } });
};
