import type { ProblemDetail } from "@tessera/runtime";

/** Problems the engine found in one document, keyed by JSON pointer into it. */
export interface DocumentIssues {
  all: readonly ProblemDetail[];
  /** The message(s) of the problem at exactly this pointer (`/fields/3/type`). */
  at(pointer: string): string | undefined;
  /** Whether any problem lies at or below this pointer (a section holding a bad control). */
  under(pointer: string): boolean;
}

const isUnder = (path: string, pointer: string) =>
  pointer === "" || path === pointer || path.startsWith(`${pointer}/`);

export const documentIssues = (problems: readonly ProblemDetail[]): DocumentIssues => ({
  all: problems,
  at: (pointer) => {
    const messages = problems.filter((p) => p.path === pointer).map((p) => p.message);
    return messages.length === 0 ? undefined : messages.join(" ");
  },
  under: (pointer) => problems.some((p) => isUnder(p.path, pointer)),
});

/** A publish's problem paths are `/<kind>/<name>/<pointer>`: the ones of one document, re-rooted. */
export const issuesOfDocument = (
  problems: readonly ProblemDetail[],
  kind: string,
  name: string,
): ProblemDetail[] => {
  const prefix = `/${kind}/${name}`;
  return problems
    .filter((p) => p.path === prefix || p.path.startsWith(`${prefix}/`))
    .map((p) => ({ ...p, path: p.path.slice(prefix.length) }));
};
