import type { ErrorSchema } from "@rjsf/utils";
import type { JsonValue } from "@tessera/metadata";
import { useCallback, useState } from "react";
import { ApiError, type ProblemDetail } from "../api/http.js";
import type { RecordData } from "../api/types.js";
import type { SaveProblem } from "./form-notice.js";
import type { FormText } from "./form-texts.js";
import { createRecord, updateRecord } from "./save-record.js";
import { placeServerErrors } from "./server-errors.js";

export type SaveRequest =
  | { mode: "create"; object: string; values: Record<string, JsonValue> }
  | { mode: "edit"; object: string; id: string; version: number; values: Record<string, JsonValue> };

export interface RecordSave {
  saving: boolean;
  problem: SaveProblem | undefined;
  setProblem: (problem: SaveProblem | undefined) => void;
  /** The server's errors on the form's fields (rjsf `extraErrors`). */
  fieldErrors: ErrorSchema | undefined;
  setFieldErrors: (errors: ErrorSchema | undefined) => void;
  /** Saves; resolves to the saved record, or undefined when the server refused (the problem is set). */
  save: (request: SaveRequest, shownFields: readonly string[]) => Promise<RecordData | undefined>;
}

const serverProblemText =
  (t: FormText) =>
  (problem: ProblemDetail): string =>
    problem.code === "field.required" ? t("problem.required") : problem.message;

/** What a refused save means for the user: errors on fields (422), a stale version, a lock, a refusal. */
const problemOf = (error: unknown): SaveProblem => {
  if (!(error instanceof ApiError)) {
    return { kind: "failed", detail: error instanceof Error ? error.message : String(error) };
  }
  switch (error.status) {
    case 409:
      return { kind: "stale" };
    case 423:
      return { kind: "locked" };
    case 403:
      return { kind: "forbidden" };
    default:
      return { kind: "failed", detail: error.title };
  }
};

/** Sends a create or an edit and turns a refusal into what the form shows; the user's input stays. */
export const useRecordSave = (t: FormText): RecordSave => {
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<SaveProblem | undefined>();
  const [fieldErrors, setFieldErrors] = useState<ErrorSchema | undefined>();
  const save = useCallback(
    async (request: SaveRequest, shownFields: readonly string[]) => {
      setSaving(true);
      setProblem(undefined);
      setFieldErrors(undefined);
      try {
        return request.mode === "create"
          ? await createRecord(request.object, request.values)
          : await updateRecord(request.object, request.id, request.version, request.values);
      } catch (error) {
        if (error instanceof ApiError && error.status === 422) {
          const placed = placeServerErrors(error.errors, new Set(shownFields), serverProblemText(t));
          setFieldErrors(placed.byField);
          setProblem({ kind: "invalid", general: placed.general });
        } else {
          setProblem(problemOf(error));
        }
        return undefined;
      } finally {
        setSaving(false);
      }
    },
    [t],
  );
  return { saving, problem, setProblem, fieldErrors, setFieldErrors, save };
};
