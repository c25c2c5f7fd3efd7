import { Query } from "mingo";
import { describe, expect, it } from "vitest";
import {
  API_KEY_SORT,
  apiKeyFromDocument,
  apiKeySelection,
  apiKeyToDocument,
  revocableKey,
} from "../../../engine/src/store/mongo/api-keys.js";
import type { ApiKeyDocument } from "../../../engine/src/store/mongo/tenant-collections.js";
import type { ApiKey } from "../../../engine/src/store/store-port.js";

// The conformance suite's API key cases, answered by mingo (a MongoDB query-language
// implementation) over the documents the adapter stores: the MongoDB adapter's answer without a server.
const aKey = (id: string, userId: string, createdAt: string, extra: Partial<ApiKey> = {}): ApiKey => ({
  id,
  name: `key ${id}`,
  userId,
  tokenHash: `hash-${id}`,
  prefix: `tk_acme_${id}`,
  createdAt,
  createdBy: "admin",
  ...extra,
});

const KEYS: ApiKey[] = [
  aKey("b", "u1", "2025-01-01T10:00:00.000Z"),
  aKey("a", "u1", "2025-01-01T12:00:00.000Z", { revokedAt: "2025-01-02T00:00:00.000Z" }),
  aKey("c", "u2", "2025-01-01T09:00:00.000Z"),
  aKey("d", "u1", "2025-01-01T10:00:00.000Z"),
];

const documents = () => KEYS.map(apiKeyToDocument);

const select = (criteria: Record<string, unknown>): string[] =>
  new Query(criteria)
    .find<ApiKeyDocument>(documents())
    .sort(API_KEY_SORT)
    .all()
    .map((d) => d._id);

describe("MongoDB API key documents", () => {
  it("store the id as _id and give every member back, absent members staying absent", () => {
    const full = aKey("k", "u1", "2025-01-01T10:00:00.000Z", {
      expiresAt: "2030-01-01T00:00:00.000Z",
      lastUsedAt: "2025-01-02T00:00:00.000Z",
      revokedAt: "2025-01-03T00:00:00.000Z",
    });
    expect(apiKeyToDocument(full)._id).toBe("k");
    expect(apiKeyFromDocument(apiKeyToDocument(full))).toStrictEqual(full);
    const bare = aKey("k", "u1", "2025-01-01T10:00:00.000Z");
    expect(Object.keys(apiKeyToDocument(bare)).sort()).toEqual(
      ["_id", "createdAt", "createdBy", "name", "prefix", "tokenHash", "userId"].sort(),
    );
    expect(apiKeyFromDocument(apiKeyToDocument(bare))).toStrictEqual(bare);
  });

  it("list one user's keys, or all, oldest first and by id among keys of the same instant", () => {
    expect(select(apiKeySelection("u1"))).toEqual(["b", "d", "a"]);
    expect(select(apiKeySelection(undefined))).toEqual(["c", "b", "d", "a"]);
    expect(select(apiKeySelection("u3"))).toEqual([]);
  });

  it("revoke only a key that is not revoked yet", () => {
    expect(select(revocableKey("b"))).toEqual(["b"]);
    expect(select(revocableKey("a"))).toEqual([]);
    expect(select(revocableKey("missing"))).toEqual([]);
  });
});
