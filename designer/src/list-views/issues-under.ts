import type { ProblemDetail } from "@tessera/runtime";

/**
 * The messages of every problem at or below `pointer`, joined: an expression's problems point
 * inside it (`/filter/and/1`), and its editor is the one control that can show them.
 */
export const messagesUnder = (problems: readonly ProblemDetail[], pointer: string): string | undefined => {
  const messages = problems
    .filter((p) => p.path === pointer || p.path.startsWith(`${pointer}/`))
    .map((p) => p.message);
  return messages.length === 0 ? undefined : messages.join(" ");
};

/** The messages of the problems exactly at `pointer` (a list's own problems, not its items'). */
export const messagesAt = (problems: readonly ProblemDetail[], pointer: string): string | undefined => {
  const messages = problems.filter((p) => p.path === pointer).map((p) => p.message);
  return messages.length === 0 ? undefined : messages.join(" ");
};
