import { describe } from "vitest";
import { describeApiKeys } from "./conformance/api-keys.js";
import { describeAudit } from "./conformance/audit.js";
import { describeCredentials } from "./conformance/credentials.js";
import { describeEntries } from "./conformance/entries.js";
import { describeJobs } from "./conformance/jobs.js";
import { describeMetadata } from "./conformance/metadata.js";
import { describeNotifications } from "./conformance/notifications.js";
import { describeOutboxAndLog } from "./conformance/outbox-and-log.js";
import { describeRecordAggregates } from "./conformance/record-aggregates.js";
import { describeRecordFilters } from "./conformance/record-filters.js";
import { describeRecordListing } from "./conformance/record-listing.js";
import { describeRecordWrites } from "./conformance/record-writes.js";
import type { StoreFactory } from "./conformance/store-fixture.js";
import { describeTenants } from "./conformance/tenants.js";
import { describeWorkItems } from "./conformance/work-items.js";
import { describeWriteEffects } from "./conformance/write-effects.js";

export type { StoreFactory } from "./conformance/store-fixture.js";

/**
 * The behaviour every store adapter must have: every method of the port and every promise of its
 * doc comments. `createStore` makes a fresh, empty store for each test; the suite closes it, then
 * calls `cleanup`. Each failing write is followed by reading the store back.
 */
export const describeStoreConformance = (name: string, createStore: StoreFactory): void => {
  describe(`store conformance: ${name}`, () => {
    describeTenants(createStore);
    describeMetadata(createStore);
    describeRecordWrites(createStore);
    describeRecordFilters(createStore);
    describeRecordListing(createStore);
    describeRecordAggregates(createStore);
    describeCredentials(createStore);
    describeApiKeys(createStore);
    describeAudit(createStore);
    describeJobs(createStore);
    describeWorkItems(createStore);
    describeWriteEffects(createStore);
    describeNotifications(createStore);
    describeOutboxAndLog(createStore);
    describeEntries(createStore);
  });
};
