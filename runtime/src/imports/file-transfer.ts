import { ApiError, notifyUnauthorized, type ProblemDetail, session } from "../api/http.js";

const authorization = (): Record<string, string> => {
  const token = session.token();
  return token === null ? {} : { authorization: `Bearer ${token}` };
};

/** A refused request as an ApiError, from its problem+json body when it has one. */
const refusal = async (response: Response): Promise<ApiError> => {
  if (response.status === 401 && session.token() !== null) notifyUnauthorized();
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === "" ? {} : JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      body = parsed as Record<string, unknown>;
    }
  } catch {
    // Not JSON (a proxy's error page): the status text says enough.
  }
  return new ApiError(
    response.status,
    typeof body.title === "string" ? body.title : response.statusText,
    Array.isArray(body.errors) ? (body.errors as ProblemDetail[]) : [],
    typeof body.code === "string" ? body.code : undefined,
    body,
  );
};

/**
 * Sends a multipart form with the session's bearer token. The browser sets the multipart
 * content type (with its boundary) itself, so none is given here.
 */
export const postForm = async <T>(path: string, form: FormData): Promise<T> => {
  const response = await fetch(path, {
    method: "POST",
    headers: { accept: "application/json", ...authorization() },
    body: form,
  });
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as T;
};

const RFC_5987 = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i;
const QUOTED = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i;
const BARE = /filename\s*=\s*([^;]+)/i;

/**
 * The file name a `Content-Disposition` header gives (RFC 6266: `filename*` in RFC 5987 form wins
 * over `filename`), without any directory part; undefined when it names none.
 */
export const fileNameOf = (disposition: string | null): string | undefined => {
  if (disposition === null) return undefined;
  const extended = RFC_5987.exec(disposition);
  let name: string | undefined;
  if (extended?.[2] !== undefined) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const quoted = QUOTED.exec(disposition)?.[1]?.replace(/\\(.)/g, "$1");
    name = quoted ?? BARE.exec(disposition)?.[1]?.trim();
  }
  const base = name?.split(/[\\/]/).at(-1)?.trim();
  return base === undefined || base === "" ? undefined : base;
};

/**
 * Downloads a file the API serves only to a signed-in user: fetched with the bearer token (a plain
 * link could not carry it), then saved under the name the server gives, else `fallbackName`.
 */
export const downloadFile = async (path: string, fallbackName: string): Promise<string> => {
  const response = await fetch(path, { headers: authorization() });
  if (!response.ok) throw await refusal(response);
  const name = fileNameOf(response.headers.get("content-disposition")) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.style.display = "none";
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The click has handed the blob to the browser's download; a later tick frees it.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return name;
};
