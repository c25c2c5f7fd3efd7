import { DeleteOutlined } from "@ant-design/icons";
import type { Role } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Card, Form, Select, Typography } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { subtreeOf } from "./role-hierarchy.js";
import { useRolesText } from "./roles-texts.js";

interface Props {
  role: Role;
  roles: readonly Role[];
  issues: DocumentIssues;
  onChange: (next: Role) => void;
  /** Re-parenting goes through the same checks as a drop. */
  onMove: (parent: string | undefined) => void;
  onDelete: () => void;
  /** A refused move of this role, shown on Reports to. */
  refusal: string | undefined;
}

const TOP = "";

/** The selected role's properties: label, description, and whom it reports to. */
export const RolePanel = ({ role, roles, issues, onChange, onMove, onDelete, refusal }: Props) => {
  const t = useRolesText();
  const { label } = useLocale();
  const below = [...subtreeOf(roles, role.name)].filter((n) => n !== role.name);
  const status = (pointer: string) => (issues.at(pointer) === undefined ? undefined : ("error" as const));
  const parentProblem = refusal ?? issues.at("/parent");
  return (
    <Card title={label(role.label, role.name)} className="role-panel">
      <Form layout="vertical">
        <Form.Item label={t("panel.name")}>
          <Typography.Text code>{role.name}</Typography.Text>
        </Form.Item>
        <Form.Item
          label={t("panel.label")}
          required
          validateStatus={status("/label")}
          help={issues.at("/label")}
        >
          <LocalizedTextInput
            label={t("panel.label")}
            value={role.label}
            onChange={(next) => onChange({ ...role, label: next })}
          />
        </Form.Item>
        <Form.Item
          label={t("panel.description")}
          validateStatus={status("/description")}
          help={issues.at("/description")}
        >
          <LocalizedTextInput
            label={t("panel.description")}
            value={role.description}
            onChange={(next) => {
              const { description: _old, ...rest } = role;
              onChange(next.en === "" && next["zh-CN"] === undefined ? rest : { ...rest, description: next });
            }}
          />
        </Form.Item>
        <Form.Item
          label={t("panel.parent")}
          validateStatus={parentProblem === undefined ? undefined : "error"}
          help={parentProblem}
        >
          <Select
            aria-label={t("panel.parent")}
            value={role.parent ?? TOP}
            showSearch={{ optionFilterProp: "label" }}
            onChange={(value: string) => onMove(value === TOP ? undefined : value)}
            options={[
              { value: TOP, label: t("panel.noParent") },
              ...roles
                .filter((r) => r.name !== role.name)
                .map((r) => ({ value: r.name, label: label(r.label, r.name) })),
            ]}
          />
        </Form.Item>
        {below.length > 0 && (
          <Form.Item label={t("panel.subordinates")}>
            <Typography.Text>
              {below
                .map((n) => {
                  const r = roles.find((x) => x.name === n);
                  return r === undefined ? n : label(r.label, n);
                })
                .join(", ")}
            </Typography.Text>
          </Form.Item>
        )}
        <Button danger icon={<DeleteOutlined />} onClick={onDelete}>
          {t("panel.delete")}
        </Button>
      </Form>
    </Card>
  );
};
