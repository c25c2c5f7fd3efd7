// The MongoDB adapter of the store port (see README.md).
export type { MongoStoreOptions } from "./create-mongo-store.js";
export { createMongoStore } from "./create-mongo-store.js";
export { filterToMongo } from "./filter-to-mongo.js";
export { keysetCondition, sortSpec } from "./keyset.js";
export { documentToRecord, recordToDocument } from "./record-document.js";
