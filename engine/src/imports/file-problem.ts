import { EngineError } from "../errors/engine-error.js";

/** An uploaded file Tessera cannot take, pointing at the multipart field `file`. */
export const fileProblem = (code: string, message: string, status = 422): EngineError =>
  new EngineError(
    status,
    status === 413 ? "payloadTooLarge" : status === 415 ? "unsupportedMediaType" : "invalid",
    status === 413 ? "The file is too large" : "The file cannot be imported",
    [{ path: "/file", code, message }],
  );
