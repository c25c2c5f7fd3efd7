import { EngineError } from "../errors/engine-error.js";
import { MIN_PASSWORD_LENGTH } from "./password.js";

export const MAX_PASSWORD_LENGTH = 200;

/** The password, if it is acceptable as a new password; otherwise a 422 pointing at `path`. */
export const acceptablePassword = (password: unknown, path: string): string => {
  if (
    typeof password !== "string" ||
    password.length < MIN_PASSWORD_LENGTH ||
    password.length > MAX_PASSWORD_LENGTH
  ) {
    throw new EngineError(422, "invalid", "The password is not acceptable", [
      {
        path,
        code: "user.weakPassword",
        message: `A password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters.`,
      },
    ]);
  }
  return password;
};
