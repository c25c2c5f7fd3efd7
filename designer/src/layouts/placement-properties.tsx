import type { JsonValue, Layout, ObjectDefinition } from "@tessera/metadata";
import { descriptorOf } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Select, Tag, Typography } from "antd";
import { ConditionEditor } from "../conditions/condition-editor.js";
import type { DocumentIssues } from "../editing/issues.js";
import { findSlot, itemPointer, layoutColumns, placedId, type Slot } from "./layout-moves.js";
import { useLayoutText } from "./layouts-texts.js";
import { isWritable } from "./new-layout.js";

type ConditionKey = "visibleWhen" | "requiredWhen" | "readOnlyWhen";

interface Props {
  layout: Layout;
  object: ObjectDefinition;
  field: string;
  label: string;
  sectionTitles: readonly string[];
  issues: DocumentIssues;
  onConditions: (patch: Partial<Record<ConditionKey, JsonValue | undefined>>) => void;
  onMove: (to: Slot) => void;
}

const CONDITIONS: ReadonlyArray<{
  key: ConditionKey;
  text: "props.visibleWhen" | "props.requiredWhen" | "props.readOnlyWhen";
}> = [
  { key: "visibleWhen", text: "props.visibleWhen" },
  { key: "requiredWhen", text: "props.requiredWhen" },
  { key: "readOnlyWhen", text: "props.readOnlyWhen" },
];

/**
 * The selected field's placement: its section and column (a keyboard alternative to dragging),
 * and its live rules, each built with the condition editor over the object's fields.
 */
export const PlacementProperties = ({
  layout,
  object,
  field,
  label,
  sectionTitles,
  issues,
  onConditions,
  onMove,
}: Props) => {
  const t = useLayoutText();
  const { label: localize } = useLocale();
  const pointer = itemPointer(layout, field);
  const slot = findSlot(layoutColumns(layout), placedId(field));
  if (pointer === undefined || slot === undefined) return null;
  const [, , s, , i] = pointer.split("/");
  const item = layout.sections[Number(s)]?.items[Number(i)];
  const declared = object.fields.find((f) => f.name === field);
  const writable = isWritable(object, field);
  const columns = layout.sections[slot.section]?.columns ?? 1;
  return (
    <Form layout="vertical" component="div" className="layout-properties-form">
      <Typography.Title level={5}>{label}</Typography.Title>
      {declared !== undefined && (
        <Tag>{t("props.type", { type: localize(descriptorOf(declared).label, declared.type) })}</Tag>
      )}
      {issues.at(`${pointer}/field`) !== undefined && (
        <Typography.Paragraph type="danger">{issues.at(`${pointer}/field`)}</Typography.Paragraph>
      )}
      <Form.Item label={t("props.section", { field: label })}>
        <Select
          aria-label={t("props.section", { field: label })}
          value={slot.section}
          // A panel shows its widget, never fields.
          options={sectionTitles.map((title, index) => ({
            value: index,
            label: title,
            disabled: layout.sections[index]?.type === "panel",
          }))}
          onChange={(section: number) => onMove({ section, column: 0, index: Number.MAX_SAFE_INTEGER })}
        />
      </Form.Item>
      <Form.Item
        label={t("props.column", { field: label })}
        validateStatus={issues.at(`${pointer}/column`) ? "error" : undefined}
        help={issues.at(`${pointer}/column`)}
      >
        <Select
          aria-label={t("props.column", { field: label })}
          value={slot.column}
          options={Array.from({ length: columns }, (_, c) => ({ value: c, label: String(c + 1) }))}
          onChange={(column: number) =>
            onMove({ section: slot.section, column, index: Number.MAX_SAFE_INTEGER })
          }
        />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t("props.rulesHelp")}</Typography.Paragraph>
      {!writable && <Typography.Paragraph type="secondary">{t("props.notWritable")}</Typography.Paragraph>}
      {CONDITIONS.filter(({ key }) => key === "visibleWhen" || writable || item?.[key] !== undefined).map(
        ({ key, text }) => {
          const at = `${pointer}/${key}`;
          const error = issues.at(at);
          return (
            <Form.Item key={key} label={t(text)} validateStatus={error ? "error" : undefined} help={error}>
              <ConditionEditor
                // A new editor per field: its visual tree is built from the value it starts with.
                key={`${field}:${key}`}
                value={item?.[key] as JsonValue | undefined}
                onChange={(next) => onConditions({ [key]: next })}
                fields={object.fields}
                label={t(text)}
                {...(error !== undefined && { error })}
              />
            </Form.Item>
          );
        },
      )}
    </Form>
  );
};
