import { describe, expect, it } from "vitest";
import { alignRow, headerNames, tableHeadCollector } from "../../../engine/src/imports/table-head.js";

describe("header names", () => {
  it("trims names, names empty columns by position and numbers repeats", () => {
    expect(headerNames([" Name ", "", "Name", "Name", "City"])).toEqual([
      "Name",
      "Column 2",
      "Name (2)",
      "Name (3)",
      "City",
    ]);
  });
});

describe("collecting a table head", () => {
  it("takes the first record as the header and keeps the first 20 rows, aligned to it", () => {
    const head = tableHeadCollector();
    head.add(["a", "b"], 4);
    for (let i = 1; i <= 25; i++) head.add(i === 1 ? ["1"] : [String(i), "x", "extra"], 4 + i * 6);
    const result = head.result();
    expect(result.headers).toEqual(["a", "b"]);
    expect(result.totalRows).toBe(25);
    expect(result.dataOffset).toBe(4);
    expect(result.preview).toHaveLength(20);
    expect(result.preview[0]).toEqual(["1", ""]);
    expect(result.preview[1]).toEqual(["2", "x"]);
  });

  it("refuses an empty header row, a file without rows and an empty file", () => {
    expect(() => tableHeadCollector().add([" ", ""], 3)).toThrow(expect.objectContaining({ status: 422 }));
    const headerOnly = tableHeadCollector();
    headerOnly.add(["a"], 2);
    expect(() => headerOnly.result()).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ code: "import.noRows" })] }),
    );
    expect(() => tableHeadCollector().result()).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ code: "import.emptyFile" })] }),
    );
  });

  it("pads short rows and cuts long ones", () => {
    expect(alignRow(["a"], 3)).toEqual(["a", "", ""]);
    expect(alignRow(["a", "b", "c"], 2)).toEqual(["a", "b"]);
  });
});
