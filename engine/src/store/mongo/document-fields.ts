import { NAME_REGEX } from "@tessera/metadata";

/** Engine-internal record keys (`_approval`): an underscore and then a name. */
const INTERNAL_NAME = /^_[a-z][A-Za-z0-9]{0,62}$/;

/**
 * The document key of a record field: `id` is the document's `_id`, every other field is a
 * top-level key of the same name. Field names come from validated metadata; anything that is not
 * a field name (a `$` operator, a dotted path, `_id`, a prototype member) is refused with a
 * RangeError, so a name can never change the shape of a query.
 */
export const documentKey = (field: string): string => {
  if (field === "id") return "_id";
  if (NAME_REGEX.test(field) || (INTERNAL_NAME.test(field) && field !== "_id")) return field;
  throw new RangeError(`Not a storable field name: ${JSON.stringify(field)}`);
};
