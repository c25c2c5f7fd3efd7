import type { FieldDefinition, ObjectDefinition } from "@tessera/metadata";
import { useEffect, useState } from "react";
import { loadObjectUi } from "../data/object-ui.js";
import { referencedObject } from "../format/field-value.js";
import { useBootstrap } from "../session/session-context.js";
import { isReferenceField, type MappingDraft } from "./mapping-draft.js";

/** Text-like fields whose unique values name a record as well as its id does (external ids). */
const externalIdFields = (object: ObjectDefinition): FieldDefinition[] =>
  object.fields.filter(
    (f) =>
      (f.type === "text" || f.type === "email" || f.type === "phone" || f.type === "number") &&
      "unique" in f &&
      f.unique === true,
  );

/**
 * The external id fields of the objects the draft's lookup columns point to, by object name: the
 * ways besides name and id a lookup column may name its record. An object the user may not read
 * has none.
 */
export const useExternalIds = (
  object: ObjectDefinition,
  draft: MappingDraft | undefined,
): ReadonlyMap<string, FieldDefinition[]> => {
  const { version } = useBootstrap();
  const [known, setKnown] = useState<ReadonlyMap<string, FieldDefinition[]>>(new Map());
  const targets = [
    ...new Set(
      (draft?.rows ?? []).flatMap((row) => {
        const field = object.fields.find((f) => f.name === row.field);
        const target = field !== undefined && isReferenceField(field) ? referencedObject(field) : undefined;
        return target === undefined ? [] : [target];
      }),
    ),
  ]
    .sort()
    .join(",");
  useEffect(() => {
    if (targets === "") return;
    const controller = new AbortController();
    const names = targets.split(",");
    void Promise.all(
      names.map((name) =>
        loadObjectUi(name, version, controller.signal).then(
          (ui): [string, FieldDefinition[]] => [name, externalIdFields(ui.object)],
          (): [string, FieldDefinition[]] => [name, []],
        ),
      ),
    ).then((entries) => {
      if (!controller.signal.aborted) setKnown(new Map(entries));
    });
    return () => controller.abort();
  }, [targets, version]);
  return known;
};
