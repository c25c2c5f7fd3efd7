import type { ProblemDetail } from "@tessera/runtime";
import { Link } from "react-router-dom";
import { locateIssue } from "./editor-path.js";
import { usePublishText } from "./publish-texts.js";

interface Props {
  issues: readonly ProblemDetail[];
  /** The editor of a document. */
  linkTo: (kind: string, name: string) => string;
}

/** The problems publishing would refuse, each with a link to the editor of its document. */
export const ProblemList = ({ issues, linkTo }: Props) => {
  const t = usePublishText();
  return (
    <ul className="publish-problems">
      {issues.map((issue) => {
        const at = locateIssue(issue.path);
        // The engine prefixes each message with its document, which the link already names.
        const message =
          at === undefined ? issue.message : issue.message.replace(`${at.kind}/${at.name}: `, "");
        return (
          <li key={`${issue.path} ${issue.code}`}>
            {at === undefined ? (
              <code>{issue.path}</code>
            ) : (
              <Link to={linkTo(at.kind, at.name)}>
                {at.kind} {at.name}
              </Link>
            )}
            {at !== undefined && at.pointer !== "" && (
              <span className="publish-pointer"> {t("problems.where", { pointer: at.pointer })}</span>
            )}
            {": "}
            {message}
          </li>
        );
      })}
    </ul>
  );
};
