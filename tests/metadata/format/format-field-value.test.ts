import { describe, expect, it } from "vitest";
import type { FieldDefinition } from "../../../metadata/src/fields/registry.js";
import { formatFieldValue, type ValueFormat } from "../../../metadata/src/format/format-field-value.js";
import type { JsonValue } from "../../../metadata/src/json/json-types.js";

const en: ValueFormat = { locale: "en", timeZone: "UTC" };
const zh: ValueFormat = { locale: "zh-CN", timeZone: "Asia/Shanghai" };
const label = { en: "Field" };

// Field options as the test writes them; the type they make is the definition's.
const show = (
  field: { type: FieldDefinition["type"]; [option: string]: unknown },
  value: JsonValue,
  format = en,
) => formatFieldValue({ name: "f", label, ...field } as FieldDefinition, value, format);

const tags = {
  type: "multiPicklist",
  options: [
    { value: "vip", label: { en: "VIP", "zh-CN": "贵宾" } },
    { value: "rush", label: { en: "Rush" } },
  ],
} as const;

describe("a value as the reader sees it", () => {
  it("lists multi-select labels in the reader's language, English standing in", () => {
    expect(show(tags, ["vip", "rush"])).toBe("VIP, Rush");
    expect(show(tags, ["vip", "rush"], zh)).toBe("贵宾、Rush");
  });

  it("shows a value no longer among the options as stored", () => {
    expect(show({ type: "picklist", options: tags.options }, "retired")).toBe("retired");
  });

  it("formats amounts with their field's currency and scale", () => {
    expect(show({ type: "currency", currencyCode: "USD" }, 1234.5)).toBe("$1,234.50");
    expect(show({ type: "currency", scale: 0 }, 1234.5, zh)).toBe("¥1,235");
    expect(show({ type: "number", scale: 1 }, 3)).toBe("3.0");
    expect(show({ type: "percent" }, 12.5)).toBe("12.5%");
  });

  it("shows checkboxes as yes or no in the reader's language", () => {
    expect(show({ type: "boolean" }, true)).toBe("Yes");
    expect(show({ type: "boolean" }, false, zh)).toBe("否");
  });

  it("shows datetimes in the reader's time zone, naming UTC", () => {
    expect(show({ type: "datetime" }, "2027-01-31T20:00:00.000Z")).toBe("Jan 31, 2027, 8:00 PM UTC");
    expect(show({ type: "datetime" }, "2027-01-31T20:00:00.000Z", zh)).toBe("2027年2月1日 04:00");
    expect(show({ type: "time" }, "14:30:00")).toBe("2:30 PM");
  });

  it("shows rich text as plain text, files by name, locations as coordinates", () => {
    expect(show({ type: "richText" }, "<p>Hello <b>there</b></p><p>&amp; bye</p>")).toBe(
      "Hello there\n\n& bye",
    );
    expect(
      show({ type: "file", multiple: true }, [
        { fileId: "a", name: "q.pdf" },
        { fileId: "b", name: "x.png" },
      ]),
    ).toBe("q.pdf, x.png");
    expect(show({ type: "geolocation" }, { lat: 31.23, lng: 121.47 })).toBe("31.23, 121.47");
  });

  it("leaves references to the caller, who checks access", () => {
    expect(show({ type: "lookup", reference: "account" }, "acc1")).toBe("");
  });
});
