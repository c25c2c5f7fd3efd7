import type { JsonValue } from "../json/json-types.js";
import type { Coercion } from "./field-type-descriptor.js";

export const accepted = (value: JsonValue): Coercion => ({ ok: true, value });

export const refused = (code: string, message: string): Coercion => ({ ok: false, code, message });
