import type { FieldDefinition } from "@tessera/metadata";
import { Checkbox, Flex, Select, Typography } from "antd";
import { referencedObject } from "../format/field-value.js";
import { useLocale } from "../i18n/locale-context.js";
import type { ImportView } from "./import-api.js";
import { useImportText } from "./import-texts.js";
import {
  changeRow,
  isChoiceField,
  isReferenceField,
  type MappingDraft,
  type MappingRow,
  mapValue,
  unmatchedValues,
} from "./mapping-draft.js";

export interface ColumnOptionsProps {
  view: ImportView;
  draft: MappingDraft;
  row: MappingRow;
  /** The field the column fills. */
  field: FieldDefinition | undefined;
  /** External id fields by object, for lookups. */
  externalIds: ReadonlyMap<string, FieldDefinition[]>;
  onDraft: (draft: MappingDraft) => void;
}

/**
 * How one column's values are read: trimmed or not, a lookup's record found by name, id or an
 * external id, and an option for each picklist value of the preview that names none.
 */
export const ColumnOptions = ({ view, draft, row, field, externalIds, onDraft }: ColumnOptionsProps) => {
  const t = useImportText();
  const { label } = useLocale();
  const target = field === undefined ? undefined : referencedObject(field);
  const unmatched = unmatchedValues(view, row, field);
  const mappedInputs = [...new Set([...unmatched, ...Object.keys(row.valueMap)])];
  return (
    <Flex vertical gap={6}>
      <Checkbox
        checked={row.trim}
        aria-label={t("map.trimColumn", { column: row.column })}
        onChange={(event) => onDraft(changeRow(draft, row.column, { trim: event.target.checked }))}
      >
        {t("map.trim")}
      </Checkbox>
      {field !== undefined && isReferenceField(field) && (
        <Flex align="center" gap={6} wrap>
          <Typography.Text>{t("map.lookupBy")}</Typography.Text>
          <Select<string>
            size="small"
            aria-label={t("map.lookupByColumn", { column: row.column })}
            value={row.lookupBy ?? "name"}
            popupMatchSelectWidth={false}
            onChange={(lookupBy) => onDraft(changeRow(draft, row.column, { lookupBy }))}
            options={[
              { value: "name", label: t("map.byName") },
              { value: "id", label: t("map.byId") },
              ...(target === undefined ? [] : (externalIds.get(target) ?? [])).map((f) => ({
                value: f.name,
                label: label(f.label, f.name),
              })),
            ]}
          />
        </Flex>
      )}
      {field !== undefined && isChoiceField(field) && "options" in field && mappedInputs.length > 0 && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{t("map.unmatched")}</Typography.Text>
          {mappedInputs.map((input) => (
            <Flex key={input} align="center" gap={6} wrap>
              <Typography.Text code>{input}</Typography.Text>
              <span aria-hidden>→</span>
              <Select<string>
                size="small"
                allowClear
                placeholder={t("map.keepValue")}
                aria-label={t("map.valueFor", { value: input, column: row.column })}
                value={row.valueMap[input]}
                popupMatchSelectWidth={false}
                style={{ minWidth: 140 }}
                onChange={(option) => onDraft(mapValue(draft, row.column, input, option))}
                options={field.options.map((o) => ({ value: o.value, label: label(o.label, o.value) }))}
              />
            </Flex>
          ))}
        </Flex>
      )}
    </Flex>
  );
};
