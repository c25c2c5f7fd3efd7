import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  civilDate,
  dayNumber,
  daysBetween,
  parseDate,
  parseDateTime,
} from "../../../metadata/src/rules/rule-dates.js";

const day = fc.integer({
  min: dayNumber({ year: 1, month: 1, day: 1 }),
  max: dayNumber({ year: 9999, month: 12, day: 31 }),
});

describe("calendar arithmetic", () => {
  it("numbers days as Date.UTC does", () => {
    fc.assert(
      fc.property(day, (n) => {
        const { year, month, day: d } = civilDate(n);
        const date = new Date(0);
        date.setUTCFullYear(year, month - 1, d);
        expect(Math.round(date.getTime() / 86_400_000)).toBe(n);
        expect(dayNumber({ year, month, day: d })).toBe(n);
      }),
    );
  });

  it("adds days as the elapsed days between the dates", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (n, shift) => {
        const start = new Date(n * 86_400_000).toISOString().slice(0, 10);
        const end = addDays(start, shift);
        if (end === undefined) return;
        expect(daysBetween(start, end)).toBe(shift);
      }),
    );
  });

  it.each(["2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])("accepts the date %s", (text) => {
    expect(parseDate(text)).toBeDefined();
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2024-13-01",
    "2024-00-10",
    "2024-1-1",
    "24-01-01",
    "2024-01-01T00:00:00Z",
  ])("refuses %s as a date", (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it.each([
    ["2024-05-01T10:00:00Z", Date.UTC(2024, 4, 1, 10)],
    ["2024-05-01T10:00Z", Date.UTC(2024, 4, 1, 10)],
    ["2024-05-01T10:00:00.5+02:00", Date.UTC(2024, 4, 1, 8, 0, 0, 500)],
    ["2024-05-01T10:00:00.123456789-01:30", Date.UTC(2024, 4, 1, 11, 30, 0, 123)],
    ["2024-05-01T10:00:00", Date.UTC(2024, 4, 1, 10)],
  ])("reads %s as an instant", (text, instant) => {
    expect(parseDateTime(text)?.instant).toBe(instant);
  });

  it.each([
    "2024-05-01T24:00:00Z",
    "2024-05-01T10:60Z",
    "2024-05-01 10:00:00Z",
    "2024-05-01T10:00:00+24:00",
    "2024-05-01",
  ])("refuses %s as a datetime", (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });
});
