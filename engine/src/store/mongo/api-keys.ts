import { type ApiKey, StoreError } from "../store-port.js";
import { duplicateKeyOf } from "./duplicate-key.js";
import { type ApiKeyDocument, createApiKeyIndexes, type TenantCollections } from "./tenant-collections.js";

/** Oldest first; `_id` breaks ties of `createdAt`, so the order is total. */
export const API_KEY_SORT = { createdAt: 1, _id: 1 } as const;

export const apiKeyToDocument = (key: ApiKey): ApiKeyDocument => ({
  _id: key.id,
  name: key.name,
  userId: key.userId,
  tokenHash: key.tokenHash,
  prefix: key.prefix,
  createdAt: key.createdAt,
  createdBy: key.createdBy,
  ...(key.expiresAt !== undefined && { expiresAt: key.expiresAt }),
  ...(key.lastUsedAt !== undefined && { lastUsedAt: key.lastUsedAt }),
  ...(key.revokedAt !== undefined && { revokedAt: key.revokedAt }),
});

export const apiKeyFromDocument = (document: ApiKeyDocument): ApiKey => ({
  id: document._id,
  name: document.name,
  userId: document.userId,
  tokenHash: document.tokenHash,
  prefix: document.prefix,
  createdAt: document.createdAt,
  createdBy: document.createdBy,
  ...(document.expiresAt !== undefined && { expiresAt: document.expiresAt }),
  ...(document.lastUsedAt !== undefined && { lastUsedAt: document.lastUsedAt }),
  ...(document.revokedAt !== undefined && { revokedAt: document.revokedAt }),
});

/** The keys of `userId`, or all keys; the id is an `$eq` operand, never an operator. */
export const apiKeySelection = (userId: string | undefined) =>
  userId === undefined ? {} : { userId: { $eq: userId } };

/** Only a key not revoked yet is revoked: the first `revokedAt` stays. */
export const revocableKey = (id: string) => ({ _id: { $eq: id }, revokedAt: { $exists: false } });

const expectString = (value: unknown, what: string): string => {
  if (typeof value !== "string") throw new TypeError(`${what} must be a string`);
  return value;
};

/**
 * The API keys of one tenant, their indexes made on first use: tenants created before API keys
 * existed get them then (new tenants get them at creation). Without the unique index two keys
 * could share a token hash, so nothing is written before it exists.
 */
export class ApiKeys {
  readonly #collections: TenantCollections;
  #indexes: Promise<void> | undefined;

  constructor(collections: TenantCollections) {
    this.#collections = collections;
  }

  async #ready(): Promise<void> {
    this.#indexes ??= createApiKeyIndexes(this.#collections).catch((error: unknown) => {
      this.#indexes = undefined;
      throw error;
    });
    await this.#indexes;
  }

  async create(key: ApiKey): Promise<void> {
    await this.#ready();
    try {
      await this.#collections.apiKeys.insertOne(apiKeyToDocument(key));
    } catch (error) {
      if (duplicateKeyOf(error) !== undefined)
        throw new StoreError("duplicateId", "An API key with this id or token exists");
      throw error;
    }
  }

  async byHash(tokenHash: string): Promise<ApiKey | undefined> {
    await this.#ready();
    const found = await this.#collections.apiKeys.findOne({
      tokenHash: { $eq: expectString(tokenHash, "Token hash") },
    });
    return found === null ? undefined : apiKeyFromDocument(found);
  }

  async list(userId: string | undefined): Promise<ApiKey[]> {
    if (userId !== undefined) expectString(userId, "User id");
    await this.#ready();
    const documents = await this.#collections.apiKeys
      .find(apiKeySelection(userId), { sort: API_KEY_SORT })
      .toArray();
    return documents.map(apiKeyFromDocument);
  }

  async revoke(id: string, revokedAt: string): Promise<boolean> {
    expectString(revokedAt, "Revocation time");
    await this.#ready();
    const result = await this.#collections.apiKeys.updateOne(revocableKey(expectString(id, "Key id")), {
      $set: { revokedAt },
    });
    return result.modifiedCount === 1;
  }

  async markUsed(id: string, at: string): Promise<void> {
    expectString(at, "Time");
    await this.#ready();
    await this.#collections.apiKeys.updateOne(
      { _id: { $eq: expectString(id, "Key id") } },
      { $set: { lastUsedAt: at } },
    );
  }
}
