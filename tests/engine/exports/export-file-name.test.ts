import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  localDate,
  safeFileName,
} from "../../../engine/src/exports/export-file-name.js";

describe("safeFileName: a label becomes a harmless file name", () => {
  it("keeps letters, digits, spaces and Chinese", () => {
    expect(safeFileName("商机 Deals 2", "deal")).toBe("商机 Deals 2");
  });

  it("replaces path separators, reserved characters and control characters by spaces", () => {
    expect(safeFileName('../a/b\\c:d*e?"f<g>h|i\u0000j\nk', "deal")).toBe("a b c d e f g h i j k");
  });

  it("drops bidirectional overrides that would disguise the extension", () => {
    expect(safeFileName("invoice\u202Etxt.exe", "deal")).toBe("invoice txt.exe");
  });

  it("falls back to the object's name when nothing is left", () => {
    expect(safeFileName("../..", "deal")).toBe("deal");
  });

  it("cuts long labels to 100 characters", () => {
    expect(safeFileName("x".repeat(300), "deal")).toHaveLength(100);
  });
});

describe("attachmentDisposition: an attachment with an ASCII and a UTF-8 name", () => {
  it("names an English file in both forms", () => {
    expect(attachmentDisposition("Deals", "deal", "2026-11-26", "csv")).toBe(
      "attachment; filename=\"deal-2026-11-26.csv\"; filename*=UTF-8''Deals%202026-11-26.csv",
    );
  });

  it("encodes a Chinese label per RFC 5987 and keeps the plain name ASCII", () => {
    expect(attachmentDisposition("商机", "deal", "2026-11-26", "xlsx")).toBe(
      "attachment; filename=\"deal-2026-11-26.xlsx\"; filename*=UTF-8''%E5%95%86%E6%9C%BA%202026-11-26.xlsx",
    );
  });

  it("percent-encodes the characters RFC 5987 does not allow unencoded", () => {
    expect(attachmentDisposition("Deals (won)'s *", "deal", "2026-11-26", "csv")).toBe(
      "attachment; filename=\"deal-2026-11-26.csv\"; filename*=UTF-8''Deals%20%28won%29%27s%202026-11-26.csv",
    );
  });
});

describe("localDate: the day in the reader's time zone", () => {
  it("is the day of the zone, not of UTC", () => {
    const at = new Date("2026-11-26T20:00:00.000Z");
    expect(localDate(at, "UTC")).toBe("2026-11-26");
    expect(localDate(at, "Asia/Shanghai")).toBe("2026-11-27");
    expect(localDate(at, "America/Los_Angeles")).toBe("2026-11-26");
  });
});
