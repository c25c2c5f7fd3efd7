import { describe, expect, it } from "vitest";
import { readDatetimeCell } from "../../../engine/src/imports/datetime-cell.js";

const shanghai = { excelSerials: false, timeZone: "Asia/Shanghai" };

describe("reading a datetime cell", () => {
  it("reads a time without a zone on the importing user's wall clock", () => {
    expect(readDatetimeCell("2026-11-26 10:30", shanghai)).toEqual({ iso: "2026-11-26T02:30:00.000Z" });
    expect(readDatetimeCell("2026/11/26 10:30:15.5", shanghai)).toEqual({ iso: "2026-11-26T02:30:15.500Z" });
    expect(readDatetimeCell("2026年11月26日 08:00", shanghai)).toEqual({ iso: "2026-11-26T00:00:00.000Z" });
  });

  it("reads a date alone as midnight where the user is", () => {
    expect(readDatetimeCell("2026-11-26", shanghai)).toEqual({ iso: "2026-11-25T16:00:00.000Z" });
  });

  it("follows daylight saving time in zones that have it", () => {
    const berlin = { excelSerials: false, timeZone: "Europe/Berlin" };
    expect(readDatetimeCell("2026-07-01 12:00", berlin)).toEqual({ iso: "2026-07-01T10:00:00.000Z" });
    expect(readDatetimeCell("2026-12-01 12:00", berlin)).toEqual({ iso: "2026-12-01T11:00:00.000Z" });
  });

  it("leaves a time that names its zone to the field", () => {
    expect(readDatetimeCell("2026-11-26T10:30:00+08:00", shanghai)).toBeUndefined();
    expect(readDatetimeCell("2026-11-26T10:30:00Z", shanghai)).toBeUndefined();
  });

  it("reads day-first dates by the file's format, and says when it cannot tell", () => {
    expect(readDatetimeCell("03/04/2026 09:00", { ...shanghai, format: "DD/MM/YYYY" })).toEqual({
      iso: "2026-04-03T01:00:00.000Z",
    });
    expect(readDatetimeCell("03/04/2026 09:00", shanghai)).toEqual({ ambiguous: true });
  });

  it("reads Excel serials from workbooks on the user's wall clock", () => {
    expect(readDatetimeCell("46352.4375", { ...shanghai, excelSerials: true })).toEqual({
      iso: "2026-11-26T02:30:00.000Z",
    });
  });

  it("refuses impossible times by leaving them to the field", () => {
    expect(readDatetimeCell("2026-11-26 25:00", shanghai)).toBeUndefined();
  });
});
