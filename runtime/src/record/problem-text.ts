import { ApiError } from "../api/http.js";

/** What the server said about a refused request, as one line of text; `fallback` for anything else. */
export const problemText = (error: unknown, fallback: string): string => {
  if (!(error instanceof ApiError)) return fallback;
  const parts = [error.title, ...error.errors.map((e) => e.message)].filter((p) => p.trim() !== "");
  return parts.length === 0 ? fallback : [...new Set(parts)].join(" ");
};
