import type { JsonObject } from "@tessera/metadata";
import { conflict, EngineError } from "../errors/engine-error.js";
import { StoreError, type TenantStore } from "../store/store-port.js";
import { assessDraft } from "./assess-draft.js";
import { asJson, type DocumentChange } from "./change-set.js";
import type { Impact } from "./data-impact.js";
import { migrateRecords } from "./migrate-records.js";
import { storageSchemaOf } from "./storage-schema.js";

export interface PublishResult {
  version: number;
  changes: DocumentChange[];
  impact: Impact[];
  migratedRecords: number;
}

export interface PublishOptions {
  force?: boolean;
  actor: string;
  now?: () => Date;
}

/**
 * Publishes the tenant's draft: validates the whole set (422 with every issue), computes the change
 * set and its impact on existing records, refuses destructive changes unless `force` (409 saying
 * why) and impossible ones always, then activates the new version atomically (storage and indexes
 * with it) and converts stored values to changed field types. Live for the next request.
 */
export const publishDraft = async (store: TenantStore, options: PublishOptions): Promise<PublishResult> => {
  const now = options.now ?? (() => new Date());
  const draft = await store.listDraft();
  const { issues, changes, impact, next, previous, current } = await assessDraft(
    store,
    draft.map((d) => d.document),
  );
  if (issues.length > 0)
    throw new EngineError(422, "invalid", "The draft has problems; fix them before publishing", issues);
  if (current !== undefined && changes.length === 0) {
    throw conflict("publish.noChanges", "The draft is the same as the published version; nothing to publish");
  }
  const blocking = impact.filter((i) => i.severity === "blocking");
  if (blocking.length > 0)
    throw conflict("publish.blocked", "This draft cannot be published over the existing data", {
      impact,
      changes,
    });
  if (impact.length > 0 && options.force !== true) {
    throw conflict(
      "publish.destructive",
      'Publishing would lose or invalidate data; publish with {"force": true} to accept',
      { impact, changes },
    );
  }
  const version = (current?.version ?? 0) + 1;
  try {
    const published = await store.publish(
      {
        version,
        publishedAt: now().toISOString(),
        publishedBy: options.actor,
        documents: next as unknown as JsonObject[],
        changes: asJson(changes),
      },
      current?.version ?? 0,
      storageSchemaOf(next, previous),
    );
    if (!published)
      throw conflict(
        "publish.concurrent",
        "Someone else published at the same time; review the draft and publish again",
      );
  } catch (error) {
    if (error instanceof StoreError && error.code === "uniqueViolation") {
      throw conflict(
        "publish.blocked",
        `"${error.field ?? ""}" cannot become unique: existing records share values`,
      );
    }
    throw error;
  }
  const objects = next.filter((d) => d.kind === "object");
  const migratedRecords = await migrateRecords(store, objects, changes, options.actor, now);
  return { version, changes, impact, migratedRecords };
};
