import type { Response } from "express";
import { EngineError } from "../../errors/engine-error.js";

/** The 429 of a refused password check, with `Retry-After` set on `res`. */
export const signInThrottled = (res: Response, retryAfterSeconds: number): EngineError => {
  res.setHeader("retry-after", String(retryAfterSeconds));
  return new EngineError(
    429,
    "auth.throttled",
    "Too many failed sign-in attempts; wait before trying again",
    [
      {
        path: "",
        code: "auth.throttled",
        message: `Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      },
    ],
    { retryAfter: retryAfterSeconds },
  );
};
