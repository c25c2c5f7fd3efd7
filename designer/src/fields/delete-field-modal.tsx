import type { JsonObject, MetadataDocument, ObjectDefinition } from "@tessera/metadata";
import { metadataKinds } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, List, Modal, Spin, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { assessDocuments, type Impact } from "../draft/draft-api.js";
import { useDraft } from "../draft/draft-context.js";
import { type FieldReference, findFieldReferences } from "./field-references.js";
import { useFieldsText } from "./fields-texts.js";

interface Props {
  /** The object as edited, still holding the field. */
  object: ObjectDefinition;
  index: number;
  onConfirm: () => void;
  onCancel: () => void;
}

type Assessment = { state: "computing" } | { state: "failed" } | { state: "done"; impact: Impact[] };

/** Where the admin fixes a reference. */
const pathOf = (doc: MetadataDocument | undefined, reference: FieldReference): string => {
  switch (reference.kind) {
    case "layout":
      return `/objects/${doc !== undefined && "object" in doc ? doc.object : ""}/layouts/${reference.name}`;
    case "listView":
      return `/objects/${doc !== undefined && "object" in doc ? doc.object : ""}/list-views/${reference.name}`;
    case "object":
      return `/objects/${reference.name}?tab=${reference.use === "validationRule" ? "rules" : "fields"}`;
    case "automation":
      return `/automations/${reference.name}`;
    case "approvalProcess":
      return `/approvals/${reference.name}`;
    default:
      return `/json/${reference.kind}/${reference.name}`;
  }
};

/**
 * Confirms deleting a field with what it costs: the records that lose their value (the engine's
 * impact of the object without the field against the published version) and every other part of
 * the draft that names the field.
 */
export const DeleteFieldModal = ({ object, index, onConfirm, onCancel }: Props) => {
  const t = useFieldsText();
  const { label } = useLocale();
  const draft = useDraft();
  const field = object.fields[index];
  const fieldName = field?.name ?? "";
  const [assessment, setAssessment] = useState<Assessment>({ state: "computing" });

  const without = useMemo(
    () => ({ ...object, fields: object.fields.filter((_, i) => i !== index) }),
    [object, index],
  );
  useEffect(() => {
    let current = true;
    setAssessment({ state: "computing" });
    assessDocuments([without as unknown as JsonObject])
      .then((preview) => {
        if (!current) return;
        const impact = preview.impact.filter((i) => i.object === object.name && i.field === fieldName);
        setAssessment({ state: "done", impact });
      })
      .catch(() => {
        if (current) setAssessment({ state: "failed" });
      });
    return () => {
      current = false;
    };
  }, [without, object.name, fieldName]);

  const documents = useMemo(
    () => [
      ...draft.entries
        .filter((e) => !(e.kind === "object" && e.name === object.name))
        .map((e) => e.document as MetadataDocument),
      object,
    ],
    [draft.entries, object],
  );
  const references = useMemo(
    () => findFieldReferences(documents, object.name, fieldName),
    [documents, object.name, fieldName],
  );
  const documentOf = (reference: FieldReference) =>
    documents.find((d) => d.kind === reference.kind && d.name === reference.name);

  return (
    <Modal
      open
      title={t("delete.title", { label: label(field?.label, fieldName) })}
      okText={t("delete.ok")}
      okButtonProps={{ danger: true }}
      cancelText={t("delete.cancel")}
      onOk={onConfirm}
      onCancel={onCancel}
    >
      <Typography.Title level={5}>{t("delete.records")}</Typography.Title>
      {assessment.state === "computing" && (
        <Spin size="small">
          <Typography.Text type="secondary">{t("delete.computing")}</Typography.Text>
        </Spin>
      )}
      {assessment.state === "failed" && <Alert type="warning" showIcon title={t("delete.impactFailed")} />}
      {assessment.state === "done" && assessment.impact.length === 0 && (
        <Typography.Paragraph>{t("delete.noImpact")}</Typography.Paragraph>
      )}
      {assessment.state === "done" &&
        assessment.impact.map((impact) => (
          <Alert
            key={impact.code}
            type="error"
            showIcon
            title={
              impact.code === "field.removed"
                ? t("delete.recordsLose", { records: impact.records })
                : impact.message
            }
          />
        ))}
      <Typography.Title level={5}>
        {references.length === 0 ? t("delete.noReferences") : t("delete.references")}
      </Typography.Title>
      {references.length > 0 && (
        <List
          size="small"
          dataSource={references}
          renderItem={(reference) => {
            const doc = documentOf(reference);
            return (
              <List.Item>
                <Link to={pathOf(doc, reference)}>
                  {label(metadataKinds[reference.kind].label, reference.kind)}{" "}
                  {label(doc !== undefined && "label" in doc ? doc.label : undefined, reference.name)}
                </Link>
                : {t(`use.${reference.use}`)} <Typography.Text code>{reference.path}</Typography.Text>
              </List.Item>
            );
          }}
        />
      )}
      <Typography.Paragraph type="secondary">{t("delete.afterSave")}</Typography.Paragraph>
    </Modal>
  );
};
