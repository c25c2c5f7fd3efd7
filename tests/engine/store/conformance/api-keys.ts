import { describe, expect, it } from "vitest";
import type { ApiKey } from "../../../../engine/src/store/store-port.js";
import { expectStoreError, type StoreFactory, useStoreFixture } from "./store-fixture.js";

/** A key of `userId` made at `createdAt`, with nothing optional. */
const aKey = (id: string, userId: string, createdAt = "2025-01-01T10:00:00.000Z"): ApiKey => ({
  id,
  name: `key ${id}`,
  userId,
  tokenHash: `hash-${id}`,
  prefix: `tk_acme_${id}`,
  createdAt,
  createdBy: "admin",
});

const ids = (keys: readonly ApiKey[]): string[] => keys.map((k) => k.id);

export const describeApiKeys = (createStore: StoreFactory): void => {
  describe("API keys", () => {
    const fx = useStoreFixture(createStore);

    it("gives back every member of a key as stored, and leaves absent members absent", async () => {
      const full: ApiKey = {
        ...aKey("k1", "u1"),
        expiresAt: "2030-01-01T00:00:00.000Z",
        lastUsedAt: "2025-01-02T00:00:00.000Z",
        revokedAt: "2025-01-03T00:00:00.000Z",
      };
      const bare = aKey("k2", "u1", "2025-01-01T11:00:00.000Z");
      await fx.acme.createApiKey(full);
      await fx.acme.createApiKey(bare);
      expect(await fx.acme.getApiKeyByHash("hash-k1")).toStrictEqual(full);
      expect(await fx.acme.getApiKeyByHash("hash-k2")).toStrictEqual(bare);
      expect(await fx.acme.listApiKeys("u1")).toStrictEqual([full, bare]);
    });

    it("finds a key only by its exact token hash", async () => {
      await fx.acme.createApiKey(aKey("k1", "u1"));
      expect(await fx.acme.getApiKeyByHash("hash-k2")).toBeUndefined();
      expect(await fx.acme.getApiKeyByHash("HASH-K1")).toBeUndefined();
      expect(await fx.acme.getApiKeyByHash("k1")).toBeUndefined();
      expect(await fx.acme.getApiKeyByHash("")).toBeUndefined();
    });

    it("lists one user's keys, or all, oldest first and by id among keys of the same instant", async () => {
      await fx.acme.createApiKey(aKey("b", "u1", "2025-01-01T10:00:00.000Z"));
      await fx.acme.createApiKey(aKey("a", "u1", "2025-01-01T12:00:00.000Z"));
      await fx.acme.createApiKey(aKey("c", "u2", "2025-01-01T09:00:00.000Z"));
      await fx.acme.createApiKey(aKey("d", "u1", "2025-01-01T10:00:00.000Z"));
      expect(ids(await fx.acme.listApiKeys("u1"))).toEqual(["b", "d", "a"]);
      expect(ids(await fx.acme.listApiKeys("u2"))).toEqual(["c"]);
      expect(ids(await fx.acme.listApiKeys())).toEqual(["c", "b", "d", "a"]);
      expect(await fx.acme.listApiKeys("u3")).toEqual([]);
    });

    it("refuses a second key with the same id or the same token hash, and keeps the first", async () => {
      await fx.acme.createApiKey(aKey("k1", "u1"));
      await expectStoreError(
        fx.acme.createApiKey({ ...aKey("k1", "u2"), tokenHash: "other" }),
        "duplicateId",
      );
      await expectStoreError(
        fx.acme.createApiKey({ ...aKey("k2", "u2"), tokenHash: "hash-k1" }),
        "duplicateId",
      );
      expect(await fx.acme.listApiKeys()).toEqual([aKey("k1", "u1")]);
    });

    it("revokes a key once: a second revocation and an unknown key change nothing", async () => {
      await fx.acme.createApiKey(aKey("k1", "u1"));
      await fx.acme.createApiKey(aKey("k2", "u1"));
      expect(await fx.acme.revokeApiKey("k1", "2025-02-01T00:00:00.000Z")).toBe(true);
      expect(await fx.acme.revokeApiKey("k1", "2025-03-01T00:00:00.000Z")).toBe(false);
      expect(await fx.acme.revokeApiKey("missing", "2025-03-01T00:00:00.000Z")).toBe(false);
      expect(await fx.acme.getApiKeyByHash("hash-k1")).toEqual({
        ...aKey("k1", "u1"),
        revokedAt: "2025-02-01T00:00:00.000Z",
      });
      expect(await fx.acme.getApiKeyByHash("hash-k2")).toEqual(aKey("k2", "u1"));
    });

    it("notes when a key was last used, and ignores an unknown key", async () => {
      await fx.acme.createApiKey(aKey("k1", "u1"));
      await fx.acme.markApiKeyUsed("k1", "2025-02-01T00:00:00.000Z");
      await fx.acme.markApiKeyUsed("k1", "2025-02-02T00:00:00.000Z");
      await fx.acme.markApiKeyUsed("missing", "2025-02-02T00:00:00.000Z");
      expect(await fx.acme.listApiKeys()).toEqual([
        { ...aKey("k1", "u1"), lastUsedAt: "2025-02-02T00:00:00.000Z" },
      ]);
    });

    it("keeps each tenant's keys apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await fx.acme.createApiKey(aKey("k1", "u1"));
      await globex.createApiKey({ ...aKey("g1", "u1"), tokenHash: "hash-g1" });
      expect(ids(await fx.acme.listApiKeys("u1"))).toEqual(["k1"]);
      expect(ids(await globex.listApiKeys("u1"))).toEqual(["g1"]);
      expect(await globex.getApiKeyByHash("hash-k1")).toBeUndefined();
      expect(await globex.revokeApiKey("k1", "2025-02-01T00:00:00.000Z")).toBe(false);
      expect(await fx.acme.getApiKeyByHash("hash-k1")).toEqual(aKey("k1", "u1"));
    });
  });
};
