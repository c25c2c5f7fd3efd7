import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "pino";
import { EngineError } from "../errors/engine-error.js";

export const PROBLEM_TYPE = "application/problem+json";

export const sendProblem = (res: Response, error: EngineError): void => {
  res
    .status(error.status)
    .type(PROBLEM_TYPE)
    .send(
      JSON.stringify({
        type: `https://tessera.dev/problems/${error.code}`,
        title: error.title,
        status: error.status,
        code: error.code,
        errors: error.errors,
        ...error.extensions,
      }),
    );
};

interface HttpError {
  status?: number;
  type?: string;
}

/**
 * Turns every failure into `application/problem+json`. Body-parser failures keep their status
 * (400 malformed JSON, 413 too large, 415); anything unexpected is a 500 with a generic text and the
 * request id, the details going to the log only (fail closed, leak nothing).
 */
export const problemHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, _next) => {
    if (error instanceof EngineError) return sendProblem(res, error);
    const http = error as HttpError;
    if (http.type === "entity.too.large") {
      return sendProblem(res, new EngineError(413, "payloadTooLarge", "The request body is too large"));
    }
    if (http.type === "entity.parse.failed") {
      return sendProblem(
        res,
        new EngineError(400, "badRequest", "The request body is not valid JSON", [
          { path: "", code: "body.notJson", message: "Send a JSON body." },
        ]),
      );
    }
    if (typeof http.status === "number" && http.status >= 400 && http.status < 500) {
      return sendProblem(res, new EngineError(http.status, "badRequest", "The request could not be read"));
    }
    const requestId = String(res.getHeader("x-request-id") ?? "");
    logger.error({ err: error, requestId, method: req.method, url: req.originalUrl }, "request failed");
    return sendProblem(
      res,
      new EngineError(500, "internal", `Something went wrong on our side (request ${requestId})`),
    );
  };
