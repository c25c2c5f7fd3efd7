import {
  type FieldDefinition,
  formatFieldValue,
  isPlainObject,
  type JsonValue,
  type ValueFormat,
} from "@tessera/metadata";

/** One value of an exported row, in both forms a file may want it. */
export interface ExportCell {
  /** The value as the runtime shows it (CSV writes this). */
  text: string;
  /** What an XLSX cell holds: numbers stay numbers and dates dates, the rest is `text`. */
  value: string | number | Date | null;
  /** `text` came from record data or metadata, so a CSV must not let it run as a formula. */
  untrusted: boolean;
}

type CellKind = "number" | "date" | "datetime" | "reference" | "text";

const EMPTY: ExportCell = { text: "", value: null, untrusted: false };

/** How a field's values are written: the stored type decides, a formula by its return type. */
export const cellKindOf = (field: FieldDefinition): CellKind => {
  const type = field.type === "formula" ? field.returnType : field.type;
  switch (type) {
    case "number":
    case "currency":
    case "percent":
    case "rollupSummary":
      return "number";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "lookup":
    case "masterDetail":
    case "user":
      return "reference";
    default:
      return "text";
  }
};

/**
 * Wall-clock time of instants in one time zone, as a Date whose UTC fields hold it: spreadsheet
 * cells have no time zone, so a datetime is written as the reader would read it on their clock.
 */
export const wallClock = (timeZone: string): ((value: string) => Date | null) => {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  return (value) => {
    const instant = Date.parse(value);
    if (Number.isNaN(instant)) return null;
    const at = Object.fromEntries(
      parts.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)] as const),
    );
    return new Date(
      Date.UTC(
        at.year ?? 1970,
        (at.month ?? 1) - 1,
        at.day ?? 1,
        at.hour ?? 0,
        at.minute ?? 0,
        at.second ?? 0,
      ),
    );
  };
};

const calendarDay = (value: string): Date | null =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
    ? new Date(`${value}T00:00:00Z`)
    : null;

/** Names of users by id (system owner/creator columns); only names the caller may see are in it. */
export type UserNames = ReadonlyMap<string, string>;

/**
 * Turns the values of one column into cells for one reader. Values are those of the list API (a
 * reference is `{id, name}` with the name only when the reader may see it; a system user field is
 * a bare id named through `userNames`). A reference the reader may not name shows its id, as the
 * runtime's tables do.
 */
export const cellFormatter = (
  field: FieldDefinition,
  format: ValueFormat,
): ((value: JsonValue | undefined, userNames: UserNames) => ExportCell) => {
  const kind = cellKindOf(field);
  const toWallClock = wallClock(format.timeZone);
  return (value, userNames) => {
    if (value === undefined || value === null) return EMPTY;
    if (kind === "reference") {
      const id = isPlainObject(value) ? value.id : value;
      if (typeof id !== "string") return EMPTY;
      const shown = isPlainObject(value) ? value.name : userNames.get(id);
      const text = typeof shown === "string" ? shown : id;
      return { text, value: text, untrusted: true };
    }
    const text = formatFieldValue(field, value, format);
    if (kind === "number" && typeof value === "number") return { text, value, untrusted: false };
    if (kind === "date" && typeof value === "string")
      return { text, value: calendarDay(value) ?? text, untrusted: calendarDay(value) === null };
    if (kind === "datetime" && typeof value === "string") {
      const local = toWallClock(value);
      return { text, value: local ?? text, untrusted: local === null };
    }
    return { text, value: text === "" ? null : text, untrusted: true };
  };
};
