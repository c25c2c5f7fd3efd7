import { Alert, Button } from "antd";
import type { FormText } from "./form-texts.js";

/** Why the last save did not go through (or what happened since), shown above the form. */
export type SaveProblem =
  | { kind: "invalid"; general: string[] }
  | { kind: "stale" }
  | { kind: "reloaded" }
  | { kind: "locked" }
  | { kind: "forbidden" }
  | { kind: "failed"; detail: string };

export const FormNotice = ({
  problem,
  t,
  onReload,
}: {
  problem: SaveProblem | undefined;
  t: FormText;
  onReload: () => void;
}) => {
  if (problem === undefined) return null;
  switch (problem.kind) {
    case "invalid":
      return (
        <Alert
          className="form-notice"
          type="error"
          showIcon
          title={t("form.fixErrors")}
          description={
            problem.general.length === 0 ? undefined : (
              <ul className="form-notice-list">
                {problem.general.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )
          }
        />
      );
    case "stale":
      return (
        <Alert
          className="form-notice"
          type="warning"
          showIcon
          title={t("form.stale")}
          action={
            <Button size="small" type="primary" onClick={onReload}>
              {t("form.reload")}
            </Button>
          }
        />
      );
    case "reloaded":
      return <Alert className="form-notice" type="info" showIcon title={t("form.reloaded")} />;
    case "locked":
      return <Alert className="form-notice" type="error" showIcon title={t("form.locked")} />;
    case "forbidden":
      return <Alert className="form-notice" type="error" showIcon title={t("form.forbidden")} />;
    case "failed":
      return (
        <Alert
          className="form-notice"
          type="error"
          showIcon
          title={t("form.failed")}
          description={problem.detail}
        />
      );
  }
};

/** A record waiting for approval: shown before the user tries (the server still decides). */
export const LockNotice = ({ t }: { t: FormText }) => (
  <Alert
    className="form-notice"
    type="warning"
    showIcon
    title={t("form.locked")}
    description={t("form.lockedHint")}
  />
);
