import type { FormSection } from "@tessera/metadata";
import type { FormText } from "./form-texts.js";

/** What the form's templates and widgets share (rjsf's `formContext`). */
export interface RecordFormContext {
  /** The layout's sections and columns; the root object template lays the fields out by them. */
  sections: FormSection[];
  /** Names of records the lookups point to, by id, so a select shows names before any search. */
  referenceNames: Record<string, string>;
  /** The field holding a record's display name, per object (`name` unless the object says otherwise). */
  recordNameOf: (object: string) => string;
  t: FormText;
  /** antd theme options: labels above the inputs. */
  labelAlign: "left";
  rowGutter: number;
}
