import type { JsonObject } from "@tessera/metadata";
import type { AuditNote } from "../security/audit.js";
import type { PublishResult } from "./publish-draft.js";

/** Kinds that decide who may see or do what: their changes are listed apart in the event. */
const ACCESS_KINDS: ReadonlySet<string> = new Set(["permissionSet", "profile", "role", "sharingRule"]);

/** An event keeps at most this many changes; a larger publish says how many were left out. */
const MAX_CHANGES = 200;

/**
 * The `metadata.published` event of a publish: every changed document (kind, name, change) and,
 * under `accessChanges`, those of the kinds that grant access, so a reviewer finds them at once.
 */
export const publicationNote = (result: PublishResult, forced: boolean): AuditNote => {
  const changes = result.changes.map(({ kind, name, change }) => ({ kind, name, change }));
  const accessChanges = changes.filter((c) => ACCESS_KINDS.has(c.kind));
  const details: JsonObject = {
    version: result.version,
    forced,
    accessChanges: accessChanges.slice(0, MAX_CHANGES),
    changes: changes.slice(0, MAX_CHANGES),
    ...(changes.length > MAX_CHANGES && { changesLeftOut: changes.length - MAX_CHANGES }),
    ...(accessChanges.length > MAX_CHANGES && { accessChangesLeftOut: accessChanges.length - MAX_CHANGES }),
  };
  return {
    type: "metadata.published",
    target: { object: "metadata", id: String(result.version), name: `version ${result.version}` },
    details,
  };
};
