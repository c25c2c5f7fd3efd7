import { DeleteOutlined } from "@ant-design/icons";
import type { JsonValue, SharingRule } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, App, Button, Card, Form, Radio, Select, Typography } from "antd";
import { useEffect } from "react";
import { ConditionEditor } from "../conditions/condition-editor.js";
import { useDraft } from "../draft/draft-context.js";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useDocumentEditor } from "../editing/use-document-editor.js";
import { AudiencePicker } from "./audience-picker.js";
import { withRuleObject, withRuleType } from "./sharing-rule-shape.js";
import { useSharingText } from "./sharing-texts.js";

interface Props {
  name: string;
  /** A rule the draft does not have yet (created on the first save). */
  initial?: SharingRule;
  groups: readonly string[];
  onDirtyChange: (dirty: boolean) => void;
  onDeleted: () => void;
}

/** One sharing rule: what is shared (object, criteria or owners), with whom, and how far. */
export const SharingRuleEditor = ({ name, initial, groups, onDirtyChange, onDeleted }: Props) => {
  const t = useSharingText();
  const draft = useDraft();
  const { label } = useLocale();
  const { modal, message } = App.useApp();
  const editor = useDocumentEditor("sharingRule", name, initial);
  const { issues } = editor;
  useEffect(() => onDirtyChange(editor.dirty), [editor.dirty, onDirtyChange]);
  const rule = editor.value;
  if (rule === undefined) return null;

  const objects = draft.ofKind("object");
  const object = objects.find((o) => o.name === rule.object);
  const roles = draft.ofKind("role");
  const status = (pointer: string) => (issues.at(pointer) === undefined ? undefined : ("error" as const));
  const under = (pointer: string) =>
    [issues.at(pointer), issues.at(`${pointer}/type`), issues.at(`${pointer}/name`)]
      .filter((m) => m !== undefined)
      .join(" ") || undefined;
  const update = (next: SharingRule) => editor.update(next);
  const remove = () =>
    modal.confirm({
      title: t("delete.title", { rule: label(rule.label, rule.name) }),
      content: t("delete.text"),
      okText: t("delete.ok"),
      okButtonProps: { danger: true },
      cancelText: t("delete.cancel"),
      onOk: async () => {
        await draft.remove("sharingRule", rule.name);
        void message.success(t("delete.deleted"));
        onDeleted();
      },
    });

  return (
    <Card title={label(rule.label, rule.name)}>
      <EditorToolbar
        editor={editor}
        extra={
          editor.stored && (
            <Button danger icon={<DeleteOutlined />} onClick={remove}>
              {t("editor.delete")}
            </Button>
          )
        }
      />
      {!editor.stored && <Alert type="info" showIcon title={t("new.unsaved")} style={{ marginTop: 8 }} />}
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label={t("field.name")}>
          <Typography.Text code>{rule.name}</Typography.Text>
        </Form.Item>
        <Form.Item
          label={t("field.label")}
          required
          validateStatus={status("/label")}
          help={issues.at("/label")}
        >
          <LocalizedTextInput
            label={t("field.label")}
            value={rule.label}
            onChange={(next) => update({ ...rule, label: next })}
          />
        </Form.Item>
        <Form.Item
          label={t("field.description")}
          validateStatus={status("/description")}
          help={issues.at("/description")}
        >
          <LocalizedTextInput
            label={t("field.description")}
            value={rule.description}
            onChange={(next) => {
              const { description: _old, ...rest } = rule;
              update(next.en === "" && next["zh-CN"] === undefined ? rest : { ...rest, description: next });
            }}
          />
        </Form.Item>
        <Form.Item
          label={t("field.object")}
          required
          validateStatus={status("/object")}
          help={issues.at("/object")}
        >
          <Select
            aria-label={t("field.object")}
            value={rule.object}
            showSearch={{ optionFilterProp: "label" }}
            onChange={(next: string) => update(withRuleObject(rule, next))}
            options={objects.map((o) => ({ value: o.name, label: label(o.label, o.name) }))}
          />
        </Form.Item>
        <Form.Item label={t("field.type")} validateStatus={status("/type")} help={issues.at("/type")}>
          <Radio.Group
            aria-label={t("field.type")}
            value={rule.type}
            onChange={(e) =>
              update(withRuleType(rule, e.target.value, { type: "role", name: roles[0]?.name ?? "" }))
            }
            options={[
              { value: "criteria", label: t("type.criteria") },
              { value: "owner", label: t("type.owner") },
            ]}
          />
        </Form.Item>
        {rule.type === "criteria" ? (
          <Form.Item
            label={t("field.criteria")}
            required
            validateStatus={status("/criteria")}
            help={issues.at("/criteria") ?? t("field.criteriaHelp")}
          >
            <ConditionEditor
              key={rule.object}
              label={t("field.criteria")}
              filterOnly
              fields={object?.fields ?? []}
              value={rule.criteria === null ? undefined : (rule.criteria as JsonValue)}
              onChange={(next) => update({ ...rule, criteria: next ?? null })}
              error={issues.at("/criteria")}
            />
          </Form.Item>
        ) : (
          <Form.Item
            label={t("field.ownedBy")}
            required
            validateStatus={under("/ownedBy") === undefined ? undefined : "error"}
            help={under("/ownedBy")}
          >
            <AudiencePicker
              value={rule.ownedBy}
              onChange={(ownedBy) => update({ ...rule, ownedBy })}
              typeLabel={t("field.ownedBy")}
              nameLabel={t("field.ownedByName")}
              groups={groups}
              problemOf={(leaf) => issues.at(`/ownedBy/${leaf}`)}
            />
          </Form.Item>
        )}
        <Form.Item
          label={t("field.sharedWith")}
          required
          validateStatus={under("/sharedWith") === undefined ? undefined : "error"}
          help={under("/sharedWith")}
        >
          <AudiencePicker
            value={rule.sharedWith}
            onChange={(sharedWith) => update({ ...rule, sharedWith })}
            typeLabel={t("field.sharedWith")}
            nameLabel={t("field.sharedWithName")}
            groups={groups}
            problemOf={(leaf) => issues.at(`/sharedWith/${leaf}`)}
          />
        </Form.Item>
        <Form.Item label={t("field.access")} validateStatus={status("/access")} help={issues.at("/access")}>
          <Radio.Group
            aria-label={t("field.access")}
            value={rule.access}
            onChange={(e) => update({ ...rule, access: e.target.value })}
            options={[
              { value: "read", label: t("access.read") },
              { value: "edit", label: t("access.edit") },
            ]}
          />
        </Form.Item>
      </Form>
    </Card>
  );
};
