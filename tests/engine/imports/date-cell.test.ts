import { describe, expect, it } from "vitest";
import { calendarDate, excelSerialToWallClock, readDateCell } from "../../../engine/src/imports/date-cell.js";

const read = (text: string, format?: "DD/MM/YYYY" | "MM/DD/YYYY" | "YYYY-MM-DD", excelSerials = false) =>
  readDateCell(text, { ...(format !== undefined && { format }), excelSerials });

describe("reading a date cell", () => {
  it("reads year-first dates with dashes, slashes or dots", () => {
    expect(read("2026-11-26")).toEqual({ date: "2026-11-26" });
    expect(read("2026/1/5")).toEqual({ date: "2026-01-05" });
    expect(read("2026.11.26")).toEqual({ date: "2026-11-26" });
  });

  it("reads Chinese dates, with or without 日", () => {
    expect(read("2026年11月26日")).toEqual({ date: "2026-11-26" });
    expect(read("2026 年 3 月 8")).toEqual({ date: "2026-03-08" });
  });

  it("reads day-first and month-first dates as the file's format says", () => {
    expect(read("03/04/2026", "DD/MM/YYYY")).toEqual({ date: "2026-04-03" });
    expect(read("03/04/2026", "MM/DD/YYYY")).toEqual({ date: "2026-03-04" });
    expect(read("26.11.2026", "DD/MM/YYYY")).toEqual({ date: "2026-11-26" });
  });

  it("reads a day-first or month-first date without a format only when one reading is possible", () => {
    expect(read("26/11/2026")).toEqual({ date: "2026-11-26" });
    expect(read("11/26/2026")).toEqual({ date: "2026-11-26" });
    expect(read("05/05/2026")).toEqual({ date: "2026-05-05" });
    expect(read("03/04/2026")).toEqual({ ambiguous: true });
    expect(read("03/04/2026", "YYYY-MM-DD")).toEqual({ ambiguous: true });
  });

  it("leaves impossible dates and other text to the field's coercion", () => {
    expect(read("2026-02-30")).toBeUndefined();
    expect(read("31/02/2026", "DD/MM/YYYY")).toBeUndefined();
    expect(read("next Tuesday")).toBeUndefined();
    expect(read("46352")).toBeUndefined();
  });

  it("reads Excel serial dates only from workbooks", () => {
    expect(read("46352", undefined, true)).toEqual({ date: "2026-11-26" });
    expect(read("1", undefined, true)).toEqual({ date: "1900-01-01" });
    expect(read("61", undefined, true)).toEqual({ date: "1900-03-01" });
    expect(read("0", undefined, true)).toBeUndefined();
  });
});

describe("calendar arithmetic", () => {
  it("knows leap years", () => {
    expect(calendarDate(2024, 2, 29)).toBe("2024-02-29");
    expect(calendarDate(2026, 2, 29)).toBeUndefined();
    expect(calendarDate(2026, 13, 1)).toBeUndefined();
  });

  it("turns a serial's fraction into the time of day", () => {
    expect(new Date(excelSerialToWallClock("46352.4375") ?? 0).toISOString()).toBe(
      "2026-11-26T10:30:00.000Z",
    );
  });
});
