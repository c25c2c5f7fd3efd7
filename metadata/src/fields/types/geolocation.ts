import { type Static, Type } from "@sinclair/typebox";
import { isPlainObject } from "../../json/json-types.js";
import { accepted, refused } from "../coercion.js";
import { defineFieldSchema, requiredProperty } from "../field-base.js";
import type { FieldTypeDescriptor } from "../field-type-descriptor.js";
import { parseDecimal, roundToScale } from "../number-coercion.js";
import { PRESENCE_OPERATORS } from "../operator-sets.js";
import { defineOptionsSchema } from "../options-schema.js";

export const GEOLOCATION_DEFAULT_SCALE = 6;

const geolocationOptions = {
  ...requiredProperty,
  /** Decimals kept of each coordinate; 6 is about 10 cm. */
  scale: Type.Optional(Type.Integer({ minimum: 0, maximum: 8 })),
};

export const geolocationFieldSchema = defineFieldSchema("geolocation", geolocationOptions);
export type GeolocationField = Static<typeof geolocationFieldSchema>;

const invalidGeolocation = () =>
  refused(
    "field.invalidGeolocation",
    "Enter a location as latitude and longitude, such as 31.2304,121.4737 (latitude -90 to 90, longitude -180 to 180).",
  );

const readCoordinates = (value: unknown): [unknown, unknown] | undefined => {
  if (isPlainObject(value)) return [value.lat ?? value.latitude, value.lng ?? value.longitude];
  if (typeof value === "string" && value.length <= 100) {
    const parts = value.split(",");
    return parts.length === 2 ? [parts[0], parts[1]] : undefined;
  }
  return undefined;
};

/** `{lat, lng}`, `{latitude, longitude}` or "lat,lng"; coordinates rounded to the field's scale. */
const coerceGeolocation = (value: unknown, field: GeolocationField) => {
  const coordinates = readCoordinates(value);
  if (coordinates === undefined) return invalidGeolocation();
  const lat = parseDecimal(coordinates[0]);
  const lng = parseDecimal(coordinates[1]);
  if (lat === undefined || lng === undefined || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return invalidGeolocation();
  }
  const scale = field.scale ?? GEOLOCATION_DEFAULT_SCALE;
  return accepted({ lat: roundToScale(lat, scale), lng: roundToScale(lng, scale) });
};

/** A point on Earth (WGS 84), stored as `{lat, lng}` in degrees. */
export const geolocationField: FieldTypeDescriptor<GeolocationField> = {
  type: "geolocation",
  label: { en: "Geolocation", "zh-CN": "地理位置" },
  category: "other",
  source: "input",
  schema: geolocationFieldSchema,
  optionsSchema: defineOptionsSchema(geolocationOptions),
  toJsonSchema: () => ({
    type: "object",
    properties: {
      lat: { type: "number", minimum: -90, maximum: 90 },
      lng: { type: "number", minimum: -180, maximum: 180 },
    },
    required: ["lat", "lng"],
    additionalProperties: false,
  }),
  toUiSchema: () => ({ "ui:widget": "geolocation" }),
  coerce: coerceGeolocation,
  operators: PRESENCE_OPERATORS,
  indexHint: "geo",
};
