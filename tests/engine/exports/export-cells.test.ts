import type { FieldDefinition } from "@tessera/metadata";
import { describe, expect, it } from "vitest";
import { cellFormatter, wallClock } from "../../../engine/src/exports/export-cells.js";
import {
  checkbox,
  currency,
  date,
  datetime,
  formula,
  lookup,
  option,
  picklist,
  text,
  user,
} from "../../metadata/builders.js";

const EN = { locale: "en", timeZone: "UTC" } as const;
const ZH = { locale: "zh-CN", timeZone: "Asia/Shanghai" } as const;
const noNames = new Map<string, string>();
const cell = (field: FieldDefinition, value: unknown, format: typeof EN | typeof ZH = EN, names = noNames) =>
  cellFormatter(field, format)(value as never, names);

describe("cellFormatter: values as the runtime shows them, typed for XLSX", () => {
  it("shows picklist values by their label in the reader's language", () => {
    const stage = picklist("stage", { options: [option("won", "Closed won", "赢单")] });
    expect(cell(stage, "won")).toEqual({ text: "Closed won", value: "Closed won", untrusted: true });
    expect(cell(stage, "won", ZH).text).toBe("赢单");
  });

  it("keeps a number as a number and shows the amount in the reader's locale", () => {
    expect(cell(currency("amount", { scale: 2 }), -1234.5)).toEqual({
      text: "-CN¥1,234.50",
      value: -1234.5,
      untrusted: false,
    });
  });

  it("writes a date as that calendar day (midnight UTC, which spreadsheets read as the day)", () => {
    expect(cell(date("closeDate"), "2027-06-30")).toEqual({
      text: "Jun 30, 2027",
      value: new Date("2027-06-30T00:00:00.000Z"),
      untrusted: false,
    });
  });

  it("writes a datetime as the reader's wall-clock time", () => {
    const shown = cell(datetime("reviewedAt"), "2027-06-30T09:30:00.000Z", ZH);
    expect(shown.text).toBe("2027年6月30日 17:30");
    expect(shown.value).toEqual(new Date("2027-06-30T17:30:00.000Z"));
  });

  it("answers Yes/No (是/否) for a checkbox", () => {
    expect(cell(checkbox("hot"), true).text).toBe("Yes");
    expect(cell(checkbox("hot"), false, ZH).text).toBe("否");
  });

  it("names a reference when the list API named it, else shows its id", () => {
    const account = lookup("account", { reference: "account" });
    expect(cell(account, { id: "01J0000000000000000000000A", name: "Acme" }).text).toBe("Acme");
    expect(cell(account, { id: "01J0000000000000000000000A" }).text).toBe("01J0000000000000000000000A");
  });

  it("names a system user id from the names the caller may see", () => {
    const owner = user("ownerId");
    const names = new Map([["U1", "Ada"]]);
    expect(cell(owner, "U1", EN, names).text).toBe("Ada");
    expect(cell(owner, "U2", EN, names).text).toBe("U2");
  });

  it("types a formula by its return type", () => {
    const total = formula("total", { returnType: "currency", expression: { "+": [1, 1] } });
    expect(cell(total, 3)).toMatchObject({ value: 3, untrusted: false });
  });

  it("marks text from records as untrusted (guarded in CSV) and leaves empty values empty", () => {
    expect(cell(text("name"), "=1+2")).toEqual({ text: "=1+2", value: "=1+2", untrusted: true });
    expect(cell(text("name"), undefined)).toEqual({ text: "", value: null, untrusted: false });
    expect(cell(text("name"), null)).toEqual({ text: "", value: null, untrusted: false });
  });
});

describe("wallClock: instants as the time on a zone's clock", () => {
  it("shifts by the zone's offset, daylight saving included", () => {
    expect(wallClock("America/New_York")("2026-07-01T12:00:00.000Z")).toEqual(
      new Date("2026-07-01T08:00:00.000Z"),
    );
    expect(wallClock("America/New_York")("2026-01-01T12:00:00.000Z")).toEqual(
      new Date("2026-01-01T07:00:00.000Z"),
    );
  });

  it("answers null for text that is not an instant", () => {
    expect(wallClock("UTC")("yesterday")).toBeNull();
  });
});
