import type { SharingAudience } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { AutoComplete, Form, Select, Space } from "antd";
import { useDraft } from "../draft/draft-context.js";
import { withAudienceType } from "./sharing-rule-shape.js";
import { useSharingText } from "./sharing-texts.js";

interface Props {
  value: SharingAudience;
  onChange: (next: SharingAudience) => void;
  /** Accessible names of the type and the role/group controls. */
  typeLabel: string;
  nameLabel: string;
  /** Group API names known to the tenant (records of `group`), offered while typing. */
  groups: readonly string[];
  /** The engine's problems at `<pointer>/type` and `<pointer>/name`. */
  problemOf: (leaf: "type" | "name") => string | undefined;
}

const TYPES: ReadonlyArray<SharingAudience["type"]> = ["role", "roleAndSubordinates", "group"];

/** Whom a rule names: a role, a role and the roles below it, or a public group. */
export const AudiencePicker = ({ value, onChange, typeLabel, nameLabel, groups, problemOf }: Props) => {
  const t = useSharingText();
  const draft = useDraft();
  const { label } = useLocale();
  const roles = draft.ofKind("role");
  const nameProblem = problemOf("name");
  return (
    <Space.Compact block>
      <Form.Item noStyle>
        <Select
          aria-label={typeLabel}
          value={value.type}
          status={problemOf("type") === undefined ? undefined : "error"}
          style={{ width: 220 }}
          onChange={(type: SharingAudience["type"]) => onChange(withAudienceType(value, type))}
          options={TYPES.map((type) => ({ value: type, label: t(`audience.${type}`) }))}
        />
      </Form.Item>
      {value.type === "group" ? (
        <AutoComplete
          aria-label={nameLabel}
          value={value.name}
          placeholder={t("audience.pickGroup")}
          status={nameProblem === undefined ? undefined : "error"}
          style={{ flex: 1 }}
          onChange={(name: string) => onChange({ ...value, name })}
          options={groups.map((g) => ({ value: g }))}
        />
      ) : (
        <Select
          aria-label={nameLabel}
          value={value.name === "" ? undefined : value.name}
          placeholder={roles.length === 0 ? t("audience.noRoles") : t("audience.pickRole")}
          status={nameProblem === undefined ? undefined : "error"}
          style={{ flex: 1 }}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(name: string) => onChange({ ...value, name })}
          options={roles.map((r) => ({ value: r.name, label: label(r.label, r.name) }))}
        />
      )}
    </Space.Compact>
  );
};
