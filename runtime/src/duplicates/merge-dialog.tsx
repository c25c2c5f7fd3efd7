import type { FieldDefinition } from "@tessera/metadata";
import { Checkbox, Flex, Modal, Radio, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import type { ObjectUi } from "../api/types.js";
import { FieldValue } from "../format/field-value.js";
import { useLocale } from "../i18n/locale-context.js";
import { ProblemAlert } from "../imports/problem-alert.js";
import { type DuplicateGroup, type DuplicateRecord, mergeRecords } from "./duplicate-api.js";
import { useDuplicateText } from "./duplicate-texts.js";
import {
  chooseSurvivor,
  initialChoice,
  MAX_MERGED,
  type MergeChoice,
  mergeFields,
  mergeRequestOf,
  pickValue,
  toggleMerged,
} from "./merge-choices.js";

export interface MergeDialogProps {
  ui: ObjectUi;
  group: DuplicateGroup;
  onCancel: () => void;
  onMerged: (survivorId: string) => void;
}

/**
 * Merges the records of a group: one column per record, one row per field the user may edit.
 * The user picks the record kept, the records merged into it, and for each field whose value
 * the kept record ends up with (a radio per cell).
 */
export const MergeDialog = ({ ui, group, onCancel, onMerged }: MergeDialogProps) => {
  const t = useDuplicateText();
  const { label } = useLocale();
  const records = group.records;
  const fields = useMemo(
    () => mergeFields(ui.object, ui.editableFields, records),
    [ui.object, ui.editableFields, records],
  );
  const [choice, setChoice] = useState<MergeChoice>(() => initialChoice(records, fields));
  const [merging, setMerging] = useState(false);
  const [refusal, setRefusal] = useState<unknown>();
  const inMerge = (id: string) => id === choice.survivorId || choice.mergedIds.includes(id);

  const merge = async () => {
    setMerging(true);
    setRefusal(undefined);
    try {
      await mergeRecords(ui.object.name, mergeRequestOf(records, fields, choice));
      onMerged(choice.survivorId);
    } catch (failure) {
      setRefusal(failure);
    } finally {
      setMerging(false);
    }
  };

  const recordHeader = (record: DuplicateRecord) => (
    <Flex vertical gap={4}>
      <Typography.Text strong>{record.name}</Typography.Text>
      <Radio
        checked={record.id === choice.survivorId}
        aria-label={t("merge.keep", { record: record.name })}
        onChange={() => setChoice(chooseSurvivor(records, fields, choice, record.id))}
      >
        {t("merge.master")}
      </Radio>
      {record.id !== choice.survivorId && (
        <Checkbox
          checked={choice.mergedIds.includes(record.id)}
          disabled={!choice.mergedIds.includes(record.id) && choice.mergedIds.length >= MAX_MERGED}
          aria-label={t("merge.include", { record: record.name })}
          onChange={() => setChoice(toggleMerged(records, fields, choice, record.id))}
        >
          {t("merge.merge")}
        </Checkbox>
      )}
    </Flex>
  );

  return (
    <Modal
      open
      width={Math.min(1200, 260 + records.length * 260)}
      title={t("merge.title")}
      okText={t("merge.confirm")}
      cancelText={t("merge.cancel")}
      okButtonProps={{ disabled: choice.mergedIds.length === 0, loading: merging }}
      onOk={() => void merge()}
      onCancel={onCancel}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t("merge.intro")}</Typography.Paragraph>
        <Table<FieldDefinition>
          rowKey="name"
          size="small"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={fields}
          columns={[
            {
              key: "field",
              title: t("merge.field"),
              render: (_, field) => (
                <Typography.Text strong>{label(field.label, field.name)}</Typography.Text>
              ),
            },
            ...records.map((record) => ({
              key: record.id,
              title: recordHeader(record),
              render: (_: unknown, field: FieldDefinition) => (
                <Radio
                  checked={choice.picks[field.name] === record.id}
                  disabled={!inMerge(record.id)}
                  aria-label={t("merge.pick", { field: label(field.label, field.name), record: record.name })}
                  onChange={() => setChoice(pickValue(choice, field.name, record.id))}
                >
                  <FieldValue field={field} value={record.values[field.name]} />
                </Radio>
              ),
            })),
          ]}
        />
        {refusal !== undefined && <ProblemAlert title={t("merge.refused")} error={refusal} />}
      </Flex>
    </Modal>
  );
};
