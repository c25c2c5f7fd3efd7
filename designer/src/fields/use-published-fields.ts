import type { ObjectDefinition } from "@tessera/metadata";
import { ApiError, get } from "@tessera/runtime";
import { useEffect, useState } from "react";

const NONE: ReadonlySet<string> = new Set();

/**
 * Names of the object's fields in the published version: their API names no longer follow their
 * labels. An object never published has none. When the published version cannot be read, every
 * field the object had when the editor opened counts as published, so only fields added since
 * follow their labels.
 */
export const usePublishedFields = (
  object: string,
  loaded: ObjectDefinition | undefined,
): ReadonlySet<string> => {
  const [published, setPublished] = useState<ReadonlySet<string>>(
    () => new Set(loaded?.fields.map((f) => f.name) ?? []),
  );
  const hasLoaded = loaded !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per object, not per edit
  useEffect(() => {
    const controller = new AbortController();
    const path = `/api/v1/metadata/objects/${encodeURIComponent(object)}`;
    // The list first: asking for an object never published would log a 404 in the console.
    get<{ objects: Array<{ name: string }> }>("/api/v1/metadata/objects", controller.signal)
      .then(async ({ objects }) => {
        if (!objects.some((o) => o.name === object)) return setPublished(NONE);
        const answer = await get<{ object: ObjectDefinition }>(path, controller.signal);
        setPublished(new Set(answer.object.fields.map((f) => f.name)));
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) setPublished(NONE);
      });
    return () => controller.abort();
  }, [object, hasLoaded]);
  return published;
};
