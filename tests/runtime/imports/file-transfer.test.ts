import { describe, expect, it } from "vitest";
import { fileNameOf } from "../../../runtime/src/imports/file-transfer.js";

describe("the file name a Content-Disposition header gives", () => {
  it("reads a quoted name", () => {
    expect(fileNameOf('attachment; filename="Deals 2026-03-03.csv"')).toBe("Deals 2026-03-03.csv");
  });

  it("reads a bare name", () => {
    expect(fileNameOf("attachment; filename=deals.xlsx")).toBe("deals.xlsx");
  });

  it("prefers the RFC 5987 name, decoded, over the ASCII fallback", () => {
    expect(fileNameOf("attachment; filename=\"deals.csv\"; filename*=UTF-8''%E4%BA%A4%E6%98%93.csv")).toBe(
      "交易.csv",
    );
  });

  it("falls back to the plain name when the encoded one does not decode", () => {
    expect(fileNameOf("attachment; filename=\"deals.csv\"; filename*=UTF-8''%E4%ZZ.csv")).toBe("deals.csv");
  });

  it("keeps no directory part", () => {
    expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBe("passwd");
    expect(fileNameOf('attachment; filename="C:\\\\temp\\\\deals.csv"')).toBe("deals.csv");
  });

  it("gives nothing without a header or a name", () => {
    expect(fileNameOf(null)).toBeUndefined();
    expect(fileNameOf("attachment")).toBeUndefined();
    expect(fileNameOf('attachment; filename=""')).toBeUndefined();
  });
});
