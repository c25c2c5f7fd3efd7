import { updateOne } from "mingo";
import type { UpdateResult } from "mingo/updater";

/**
 * Applies a MongoDB update, as the adapter sends it, to the first document `selection` matches (in
 * `sort` order) with mingo, in place: the adapter's write without a server.
 */
export const mingoUpdateOne = <T extends object>(
  documents: T[],
  selection: object,
  update: object,
  sort?: Record<string, 1 | -1>,
): UpdateResult =>
  updateOne(
    documents as unknown as Array<Record<string, unknown>>,
    selection as Record<string, unknown>,
    update as Parameters<typeof updateOne>[2],
    sort === undefined ? {} : { sort },
  );
