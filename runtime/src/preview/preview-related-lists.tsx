import type { Layout, ObjectDefinition } from "@tessera/metadata";
import { Card, Space, Table, Typography } from "antd";
import type { RelatedListInfo } from "../api/types.js";
import { useLocale } from "../i18n/locale-context.js";
import { usePlacedLabel } from "../record/record-sections.js";
import { useRecordText } from "../record/record-text.js";
import { relatedColumns, relatedListPlans } from "../record/related-list-plan.js";
import { usePreviewText } from "./preview-texts.js";

/** Every lookup or master-detail field of `objects` pointing to `parent`, as the UI API lists them. */
export const relatedListsTo = (objects: readonly ObjectDefinition[], parent: string): RelatedListInfo[] =>
  objects.flatMap((child) =>
    child.fields.flatMap((field) =>
      (field.type === "lookup" || field.type === "masterDetail") && field.reference === parent
        ? [{ object: child.name, field: field.name, label: child.pluralLabel, fieldLabel: field.label }]
        : [],
    ),
  );

/**
 * The record page's related lists as the runtime plans them (the layout's first, in its order,
 * with its titles and columns, then the other children), each an empty table of its columns.
 */
export const PreviewRelatedLists = ({
  layout,
  parent,
  objects,
}: {
  layout: Layout | undefined;
  parent: string;
  objects: readonly ObjectDefinition[];
}) => {
  const { label } = useLocale();
  const t = useRecordText();
  const p = usePreviewText();
  const placedLabel = usePlacedLabel();
  const plans = relatedListPlans(relatedListsTo(objects, parent), layout, parent);
  if (plans.length === 0) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={4}>{t("record.related")}</Typography.Title>
      {plans.map((plan) => {
        const child = objects.find((o) => o.name === plan.object);
        const listLabel = label(plan.title ?? plan.label, plan.object);
        const title = plan.ambiguous ? `${listLabel} · ${label(plan.fieldLabel, plan.field)}` : listLabel;
        const columns = child === undefined ? [] : relatedColumns(child, plan);
        return (
          <Card key={`${plan.object}.${plan.field}`} size="small" title={title}>
            <Table
              size="small"
              rowKey="id"
              dataSource={[]}
              pagination={false}
              locale={{ emptyText: p("preview.relatedPreview") }}
              columns={columns.map((placed) => ({ key: placed.field.name, title: placedLabel(placed) }))}
            />
          </Card>
        );
      })}
    </Space>
  );
};
