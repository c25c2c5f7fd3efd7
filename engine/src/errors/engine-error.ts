/** One problem with a request, pointing into the request body or query (`/amount`, `/filter/and/0`). */
export interface ProblemDetail {
  path: string;
  code: string;
  message: string;
}

/**
 * A refusal the engine explains to the caller. The HTTP layer turns it into an
 * `application/problem+json` response with `status`, `title` and `errors`.
 */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly errors: readonly ProblemDetail[] = [],
    /** Extra members of the problem document (e.g. `impact` of a refused publish). */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(title);
    this.name = "EngineError";
  }
}

export const badRequest = (title: string, errors: readonly ProblemDetail[] = []) =>
  new EngineError(400, "badRequest", title, errors);

export const invalid = (title: string, errors: readonly ProblemDetail[]) =>
  new EngineError(422, "invalid", title, errors);

export const notFound = (title = "Not found") => new EngineError(404, "notFound", title);

export const forbidden = (title: string) => new EngineError(403, "forbidden", title);

export const conflict = (code: string, title: string, extensions: Record<string, unknown> = {}) =>
  new EngineError(409, code, title, [], extensions);

export const unauthorized = (title = "Sign in first") => new EngineError(401, "unauthorized", title);
