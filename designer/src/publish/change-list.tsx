import { fieldTypes, isFieldType, isMetadataKind, METADATA_KINDS, metadataKinds } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { DocumentChange } from "../draft/draft-api.js";
import { changesByKind, fieldChangeSentences } from "./describe-change.js";
import { usePublishText } from "./publish-texts.js";

const COLORS = { added: "green", removed: "red", changed: "blue" } as const;

interface Props {
  changes: readonly DocumentChange[];
  /** The label of a field of an object, in the reader's language (its name when unknown). */
  fieldLabel: (object: string, field: string) => string;
  /** The editor of a document still in the draft, or undefined for no link. */
  linkTo?: (kind: string, name: string) => string | undefined;
}

/** Document changes grouped by kind; for objects, each field change in a sentence. */
export const ChangeList = ({ changes, fieldLabel, linkTo }: Props) => {
  const t = usePublishText();
  const { label } = useLocale();
  const typeLabel = (type: string) => (isFieldType(type) ? label(fieldTypes[type].label, type) : type);
  const kindLabel = (kind: string) => (isMetadataKind(kind) ? label(metadataKinds[kind].label, kind) : kind);
  return (
    <div className="publish-changes">
      {changesByKind(changes, METADATA_KINDS).map((group) => (
        <section key={group.kind} aria-label={kindLabel(group.kind)}>
          <Typography.Title level={5}>{kindLabel(group.kind)}</Typography.Title>
          <ul className="publish-change-list">
            {group.changes.map((change) => {
              const to = change.change === "removed" ? undefined : linkTo?.(change.kind, change.name);
              return (
                <li key={`${change.kind}/${change.name}`}>
                  <Tag color={COLORS[change.change]}>{t(`change.${change.change}`)}</Tag>
                  {to === undefined ? <code>{change.name}</code> : <Link to={to}>{change.name}</Link>}
                  {(change.fields ?? []).length > 0 && (
                    <ul className="publish-field-changes">
                      {fieldChangeSentences(
                        change.fields ?? [],
                        (field) => fieldLabel(change.name, field),
                        typeLabel,
                      ).map((s) => (
                        <li key={`${s.key} ${s.params.field} ${s.params.change ?? ""}`}>
                          {t(s.key, s.params)}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
};
