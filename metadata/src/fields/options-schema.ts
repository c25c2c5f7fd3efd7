import { type TObject, type TProperties, Type } from "@sinclair/typebox";

/** The JSON Schema of a field type's own options, for the designer's property panel. */
export const defineOptionsSchema = <P extends TProperties>(options: P): TObject<P> =>
  Type.Object(options, { additionalProperties: false });
