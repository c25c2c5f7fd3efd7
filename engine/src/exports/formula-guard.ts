/** First characters that make a spreadsheet read a cell as a formula (or a DDE call). */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * A text cell of a CSV file made inert: a value starting like a formula gets a leading `'`, so
 * Excel, LibreOffice and Google Sheets show it as text instead of running it (OWASP "CSV
 * Injection"). Only for text that came from records or metadata; numbers the export formatted
 * itself (a negative amount) are not formulas and stay as they are.
 */
export const guardFormula = (text: string): string =>
  text.length > 0 && FORMULA_START.has(text.charAt(0)) ? `'${text}` : text;
