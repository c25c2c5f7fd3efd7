import { Col, Collapse, Row, Typography } from "antd";
import { type ReactNode, useMemo } from "react";
import { FieldValue } from "../format/field-value.js";
import { useLocale } from "../i18n/locale-context.js";
import { PluginFieldValue } from "../plugins/plugin-field-value.js";
import { usePluginText } from "../plugins/plugin-texts.js";
import { widgetReferenceOf } from "../plugins/widget-reference.js";
import { displayValue } from "./display-value.js";
import type { PlacedField, ReadSection } from "./read-sections.js";
import { useRecordText } from "./record-text.js";
import { ruleData, rulePredicate } from "./rule-data.js";

interface Props {
  sections: readonly ReadSection[];
  record: Record<string, unknown>;
  userNames: ReadonlyMap<string, string>;
  /** Draws a panel section's package widget; without it (the designer's preview) a placeholder. */
  renderPanel?: (widget: string) => ReactNode;
}

const PanelPlaceholder = ({ widget }: { widget: string }) => {
  const t = usePluginText();
  return <Typography.Text type="secondary">{t("plugin.panelPreview", { widget })}</Typography.Text>;
};

/** One field's label and value; a field whose type draws its input with a package widget shows it read-only. */
const FieldRow = ({
  placed,
  record,
  userNames,
}: {
  placed: PlacedField;
  record: Record<string, unknown>;
  userNames: ReadonlyMap<string, string>;
}) => {
  const placedLabel = usePlacedLabel();
  const { locale } = useLocale();
  const value = displayValue(placed, record[placed.field.name], record, userNames);
  const text = <FieldValue field={placed.field} value={value} />;
  const widget = placed.system === undefined ? widgetReferenceOf(placed.field, locale) : undefined;
  return (
    <div className="record-field">
      <dt>{placedLabel(placed)}</dt>
      <dd>
        {widget === undefined ? (
          text
        ) : (
          <PluginFieldValue
            widget={widget}
            field={placed.field}
            label={placedLabel(placed)}
            value={value}
            fallback={text}
          />
        )}
      </dd>
    </div>
  );
};

/** A field's label: metadata's for declared fields, the runtime's own for system fields. */
export const usePlacedLabel = (): ((placed: PlacedField) => string) => {
  const { label } = useLocale();
  const t = useRecordText();
  return (placed) =>
    placed.system === undefined
      ? label(placed.field.label, placed.field.name)
      : t(`system.${placed.system}` as Parameters<typeof t>[0]);
};

/**
 * The layout's sections in read mode: each a collapsible panel (closed at first when the layout
 * says so) with its columns of label and formatted value, or a panel section's package widget.
 * A field whose `visibleWhen` does not hold for the record is left out; a section of fields with
 * nothing left is not shown.
 */
export const RecordSections = ({ sections, record, userNames, renderPanel }: Props) => {
  const t = useRecordText();
  const { label } = useLocale();
  const visible = useMemo(() => {
    const data = ruleData(record);
    return sections.map((section) =>
      section.fieldColumns.map((column) =>
        column.filter((p) => p.visibleWhen === undefined || rulePredicate(p.visibleWhen)(data)),
      ),
    );
  }, [sections, record]);
  const shown = sections
    .map((section, s) => ({ section, columns: visible[s] ?? [] }))
    .filter(({ section, columns }) => section.widget !== undefined || columns.some((c) => c.length > 0));
  return (
    <Collapse
      defaultActiveKey={shown.filter(({ section }) => !section.collapsed).map(({ section }) => section.id)}
      items={shown.map(({ section, columns }) => ({
        key: section.id,
        label: section.label === undefined ? t("record.details") : label(section.label, section.id),
        children:
          section.widget !== undefined ? (
            (renderPanel?.(section.widget) ?? <PanelPlaceholder widget={section.widget} />)
          ) : (
            <Row gutter={[32, 0]}>
              {columns.map((column, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions, they never move
                <Col key={c} xs={24} md={24 / section.columns}>
                  <dl className="record-fields">
                    {column.map((placed) => (
                      <FieldRow
                        key={placed.field.name}
                        placed={placed}
                        record={record}
                        userNames={userNames}
                      />
                    ))}
                  </dl>
                </Col>
              ))}
            </Row>
          ),
      }))}
    />
  );
};
