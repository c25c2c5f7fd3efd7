import { isPlainObject } from "@tessera/metadata";
import { EngineError, type ProblemDetail } from "../errors/engine-error.js";

export interface ApprovalBody {
  comment?: string;
  /** The step the decision is meant for: a decision on a step already decided gets 409. */
  step?: string;
}

const MAX_COMMENT = 4000;

/** The body of submit/approve/reject/recall: `{comment?, step?}`, nothing else. */
export const parseApprovalBody = (body: unknown): ApprovalBody => {
  if (body === undefined || body === null) return {};
  const errors: ProblemDetail[] = [];
  if (!isPlainObject(body)) {
    throw new EngineError(422, "invalid", "The body must be a JSON object", [
      { path: "", code: "body.notAnObject", message: 'Send {"comment": "..."} or an empty object.' },
    ]);
  }
  const parsed: ApprovalBody = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "comment") {
      if (typeof value !== "string")
        errors.push({ path: "/comment", code: "type", message: "The comment must be text." });
      else if (value.length > MAX_COMMENT)
        errors.push({ path: "/comment", code: "maxLength", message: `At most ${MAX_COMMENT} characters.` });
      else if (value.trim() !== "") parsed.comment = value.trim();
    } else if (key === "step") {
      if (typeof value !== "string" || value.length > 100)
        errors.push({ path: "/step", code: "type", message: "The step must be a step name." });
      else parsed.step = value;
    } else {
      errors.push({
        path: `/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
        code: "unknown",
        message: `Unknown member "${key}".`,
      });
    }
  }
  if (errors.length > 0) throw new EngineError(422, "invalid", "The request is not valid", errors);
  return parsed;
};
