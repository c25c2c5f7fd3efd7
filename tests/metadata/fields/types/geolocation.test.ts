import { describe, expect, it } from "vitest";
import { geolocationField } from "../../../../metadata/src/fields/types/geolocation.js";
import { geolocation } from "../../builders.js";
import { valueValidator } from "../value-validator.js";

const site = geolocation("site");

describe("geolocation coercion", () => {
  it.each([
    [
      { lat: 31.2304, lng: 121.4737 },
      { lat: 31.2304, lng: 121.4737 },
    ],
    [
      { latitude: 39.9042, longitude: 116.4074 },
      { lat: 39.9042, lng: 116.4074 },
    ],
    ["31.2304, 121.4737", { lat: 31.2304, lng: 121.4737 }],
    [
      { lat: "-33.8688", lng: "151.2093" },
      { lat: -33.8688, lng: 151.2093 },
    ],
    [
      { lat: 1.123456789, lng: -2.987654321 },
      { lat: 1.123457, lng: -2.987654 },
    ],
    ["90,-180", { lat: 90, lng: -180 }],
  ])("stores %j as %j", (input, stored) => {
    expect(geolocationField.coerce(input, site)).toEqual({ ok: true, value: stored });
  });

  it("rounds to the field's scale", () => {
    expect(geolocationField.coerce("1.26,2.34", geolocation("site", { scale: 1 }))).toEqual({
      ok: true,
      value: { lat: 1.3, lng: 2.3 },
    });
  });

  it.each([
    [{ lat: 91, lng: 0 }],
    [{ lat: 0, lng: 180.5 }],
    [{ lat: 0 }],
    [{ lat: 0, lon: 0 }],
    ["31.2"],
    ["1,2,3"],
    ["north,east"],
    [[31.2, 121.4]],
    [42],
  ])("refuses %j with field.invalidGeolocation", (input) => {
    expect(geolocationField.coerce(input, site)).toMatchObject({
      ok: false,
      code: "field.invalidGeolocation",
    });
  });
});

describe("geolocation record schema", () => {
  const valid = valueValidator(geolocationField.toJsonSchema(site));

  it("accepts {lat, lng} in range", () => {
    expect(valid({ lat: 31.2, lng: 121.4 })).toBe(true);
  });

  it("refuses other shapes and out-of-range coordinates", () => {
    expect(valid({ lat: 31.2, lng: 121.4, alt: 3 })).toBe(false);
    expect(valid({ lat: -91, lng: 0 })).toBe(false);
    expect(valid({ latitude: 31.2, longitude: 121.4 })).toBe(false);
  });
});

describe("geolocation presentation", () => {
  it("uses the geolocation widget, a geo index and only the missing operator", () => {
    expect(geolocationField.toUiSchema(site, "en")).toEqual({ "ui:widget": "geolocation" });
    expect(geolocationField.indexHint).toBe("geo");
    expect(geolocationField.operators).toEqual(["missing"]);
  });
});
