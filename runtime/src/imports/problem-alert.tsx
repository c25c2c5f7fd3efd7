import { Alert } from "antd";
import type { ReactNode } from "react";
import { ApiError, type ProblemDetail } from "../api/http.js";

/** The lines a refusal shows: the server's problems, else its title (else the error's text). */
export const problemLines = (
  error: unknown,
  describe: (problem: ProblemDetail) => string = (p) => p.message,
) =>
  error instanceof ApiError
    ? error.errors.length > 0
      ? error.errors.map(describe)
      : [error.title]
    : [error instanceof Error ? error.message : String(error)];

/** A refused request as the server explained it, above the step that sent it. */
export const ProblemAlert = ({
  title,
  error,
  describe,
  action,
}: {
  title: string;
  error: unknown;
  describe?: (problem: ProblemDetail) => string;
  action?: ReactNode;
}) => {
  const lines = problemLines(error, describe);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      action={action}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {lines.map((line, index) => (
            // Problems may repeat word for word (one per row): the index keeps their keys apart.
            // biome-ignore lint/suspicious/noArrayIndexKey: a list that never reorders
            <li key={index}>{line}</li>
          ))}
        </ul>
      }
    />
  );
};
