import { describe, expect, it } from "vitest";
import { csvLine, sniffDelimiter, spreadsheetSafe } from "../../../engine/src/imports/csv-format.js";

describe("the delimiter of a CSV file", () => {
  it("is the candidate most frequent outside quotes in the first line", () => {
    expect(sniffDelimiter("name,city,phone")).toBe(",");
    expect(sniffDelimiter('name;city;"a,b,c,d"')).toBe(";");
    expect(sniffDelimiter("name\tcity")).toBe("\t");
    expect(sniffDelimiter("name")).toBe(",");
  });
});

describe("writing CSV", () => {
  it("quotes cells with commas, quotes, line breaks or edge spaces", () => {
    expect(csvLine(["a", "b,c", 'say "hi"', "two\nlines", " padded", ""])).toBe(
      'a,"b,c","say ""hi""","two\nlines"," padded",\n',
    );
  });

  it("defuses text a spreadsheet would run as a formula, not plain numbers", () => {
    expect(spreadsheetSafe('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(spreadsheetSafe("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(spreadsheetSafe("-2+3")).toBe("'-2+3");
    expect(spreadsheetSafe("-3")).toBe("-3");
    expect(spreadsheetSafe("-1,234.5")).toBe("-1,234.5");
    expect(spreadsheetSafe("Acme")).toBe("Acme");
  });
});
