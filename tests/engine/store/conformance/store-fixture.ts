import { afterEach, beforeEach, expect } from "vitest";
import {
  type StorageSchema,
  type Store,
  StoreError,
  type StoreErrorCode,
  type TenantStore,
} from "../../../../engine/src/store/store-port.js";
import { aVersion } from "../builders.js";

/**
 * Makes a fresh, empty store. The suite closes the store itself before calling `cleanup`, which
 * removes whatever the store left behind (a temp directory, a test database).
 */
export type StoreFactory = () => Promise<{ store: Store; cleanup: () => Promise<void> }>;

export interface StoreFixture {
  store: Store;
  /** Tenant "acme", created for every test. */
  acme: TenantStore;
}

/** A fresh store with tenant "acme" for each test of the enclosing describe. */
export const useStoreFixture = (createStore: StoreFactory): StoreFixture => {
  const fixture = {} as StoreFixture;
  let cleanup: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const created = await createStore();
    cleanup = created.cleanup;
    fixture.store = created.store;
    await fixture.store.createTenant("acme");
    fixture.acme = await fixture.store.tenant("acme");
  });
  afterEach(async () => {
    await fixture.store.close();
    await cleanup?.();
  });
  return fixture;
};

/** Publishes the next version with `schema`, expecting it to win. */
export const publishSchema = async (tenant: TenantStore, schema: StorageSchema): Promise<void> => {
  const current = await tenant.currentVersionNumber();
  const published = await tenant.publish(
    aVersion(current + 1, ...schema.objects.map((o) => o.name)),
    current,
    schema,
  );
  expect(published).toBe(true);
};

/** Expects `promise` to reject with a StoreError of `code` (and `field`, when given). */
export const expectStoreError = async (
  promise: Promise<unknown>,
  code: StoreErrorCode,
  field?: string,
): Promise<void> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  if (field !== undefined) expect((error as StoreError).field).toBe(field);
};

export const idsOf = (records: ReadonlyArray<{ id: string }>): string[] => records.map((r) => r.id);
export const sortedIds = (records: ReadonlyArray<{ id: string }>): string[] => idsOf(records).sort();
