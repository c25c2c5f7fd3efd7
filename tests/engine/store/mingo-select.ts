import type { FilterNode } from "@tessera/metadata";
import { Query } from "mingo";
import { filterToMongo } from "../../../engine/src/store/mongo/filter-to-mongo.js";
import { recordToDocument } from "../../../engine/src/store/mongo/record-document.js";
import type { StoredRecord } from "../../../engine/src/store/store-port.js";

/**
 * The ids of `rows` whose MongoDB documents mingo (a MongoDB query-language implementation)
 * selects with the compiled filter, sorted: the MongoDB adapter's answer without a server.
 */
export const mingoIds = (filter: FilterNode, rows: readonly StoredRecord[]): string[] =>
  new Query(filterToMongo(filter))
    .find<{ _id: string }>(rows.map(recordToDocument))
    .all()
    .map((document) => document._id)
    .sort();
