import { Col, Collapse, Row } from "antd";
import { useMemo } from "react";
import { FieldValue } from "../format/field-value.js";
import { useLocale } from "../i18n/locale-context.js";
import { displayValue } from "./display-value.js";
import type { PlacedField, ReadSection } from "./read-sections.js";
import { useRecordText } from "./record-text.js";
import { ruleData, rulePredicate } from "./rule-data.js";

interface Props {
  sections: readonly ReadSection[];
  record: Record<string, unknown>;
  userNames: ReadonlyMap<string, string>;
}

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
 * says so) with its columns of label and formatted value. A field whose `visibleWhen` does not
 * hold for the record is left out; a section with nothing left is not shown.
 */
export const RecordSections = ({ sections, record, userNames }: Props) => {
  const placedLabel = usePlacedLabel();
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
    .filter(({ columns }) => columns.some((c) => c.length > 0));
  return (
    <Collapse
      defaultActiveKey={shown.filter(({ section }) => !section.collapsed).map(({ section }) => section.id)}
      items={shown.map(({ section, columns }) => ({
        key: section.id,
        label: section.label === undefined ? t("record.details") : label(section.label, section.id),
        children: (
          <Row gutter={[32, 0]}>
            {columns.map((column, c) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positions, they never move
              <Col key={c} xs={24} md={24 / section.columns}>
                <dl className="record-fields">
                  {column.map((placed) => (
                    <div className="record-field" key={placed.field.name}>
                      <dt>{placedLabel(placed)}</dt>
                      <dd>
                        <FieldValue
                          field={placed.field}
                          value={displayValue(placed, record[placed.field.name], record, userNames)}
                        />
                      </dd>
                    </div>
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
