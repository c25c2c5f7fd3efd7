import type { JsonObject } from "@tessera/metadata";
import type { AuditNote } from "../security/audit.js";
import type { DiscardResult } from "./discard-draft.js";

/** An event keeps at most this many documents; a larger discard says how many were left out. */
const MAX_DISCARDED = 200;

/**
 * The `metadata.draftDiscarded` event: the version the draft went back to and every document whose
 * draft changes were thrown away, so unpublished work that vanished can be traced to who and when.
 */
export const discardNote = (result: DiscardResult): AuditNote => {
  const details: JsonObject = {
    version: result.version,
    discarded: result.discarded.slice(0, MAX_DISCARDED) as unknown as JsonObject[],
    ...(result.discarded.length > MAX_DISCARDED && {
      discardedLeftOut: result.discarded.length - MAX_DISCARDED,
    }),
  };
  return {
    type: "metadata.draftDiscarded",
    target: { object: "metadata", id: String(result.version), name: `version ${result.version}` },
    details,
  };
};
