/** One problem with a request, as the API reports it (`application/problem+json`). */
export interface ProblemDetail {
  path: string;
  code: string;
  message: string;
}

/** A refused request: status, title and the problems with JSON pointers. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly errors: readonly ProblemDetail[] = [],
    readonly code?: string,
    readonly body?: Record<string, unknown>,
  ) {
    super(title);
    this.name = "ApiError";
  }
}

const TOKEN_KEY = "tessera.token";

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY) ?? localStorage.getItem(TOKEN_KEY),
  save: (token: string): void => localStorage.setItem(TOKEN_KEY, token),
  clear: (): void => {
    localStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

type Listener = () => void;
const unauthorizedListeners = new Set<Listener>();
/** The session ended on the server: forget the token and show the sign-in page. */
export const notifyUnauthorized = (): void => {
  session.clear();
  for (const listener of unauthorizedListeners) listener();
};
/** Called when the server says the session is gone (401): the app shows the sign-in page. */
export const onUnauthorized = (listener: Listener): (() => void) => {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
};

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls the Tessera API with the session's bearer token; a non-2xx answer throws an ApiError. */
export const api = async <T>(method: string, path: string, options: RequestOptions = {}): Promise<T> => {
  const token = session.token();
  const response = await fetch(path, {
    method,
    headers: {
      accept: "application/json",
      ...(options.body !== undefined && { "content-type": "application/json" }),
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...options.headers,
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    ...(options.signal !== undefined && { signal: options.signal }),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
  if (!response.ok) {
    if (response.status === 401 && token !== null) notifyUnauthorized();
    throw new ApiError(
      response.status,
      typeof body.title === "string" ? body.title : response.statusText,
      Array.isArray(body.errors) ? (body.errors as ProblemDetail[]) : [],
      typeof body.code === "string" ? body.code : undefined,
      body,
    );
  }
  return body as T;
};

export const get = <T>(path: string, signal?: AbortSignal) =>
  api<T>("GET", path, signal === undefined ? {} : { signal });
