import type { JsonObject } from "@tessera/metadata";
import type { ProblemDetail } from "../errors/engine-error.js";
import type { CompiledMetadata } from "../registry/compiled-metadata.js";

type SecurityKind = "profile" | "role" | "permissionSet";

// Fields that name security metadata: a typo would silently leave a user with no access (an unknown
// profile grants nothing) or an assignment that grants nothing, so names must exist when written.
const NAMED_FIELDS: ReadonlyMap<string, ReadonlyMap<string, SecurityKind>> = new Map([
  [
    "user",
    new Map<string, SecurityKind>([
      ["profile", "profile"],
      ["role", "role"],
    ]),
  ],
  ["permissionSetAssignment", new Map<string, SecurityKind>([["permissionSet", "permissionSet"]])],
]);

/** Problems of written values that should name a published profile, role or permission set. */
export const directoryNameProblems = (
  metadata: CompiledMetadata,
  object: string,
  values: JsonObject,
  changed: ReadonlySet<string>,
): ProblemDetail[] => {
  const fields = NAMED_FIELDS.get(object);
  if (fields === undefined) return [];
  const problems: ProblemDetail[] = [];
  for (const [field, kind] of fields) {
    const name = values[field];
    if (typeof name !== "string" || !changed.has(field)) continue;
    if (!metadata.documents.some((d) => d.kind === kind && d.name === name))
      problems.push({
        path: `/${field}`,
        code: `field.unknown${kind.charAt(0).toUpperCase()}${kind.slice(1)}`,
        message: `No ${kind} named "${name}".`,
      });
  }
  return problems;
};
