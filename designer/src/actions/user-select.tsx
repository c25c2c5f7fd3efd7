import { Select } from "antd";
import type { DirectoryUser } from "./action-defaults.js";

interface Props {
  value: string | undefined;
  onChange: (next: string | undefined) => void;
  users: readonly DirectoryUser[];
  /** Metadata names users by username; a user field's value is the user's record id. */
  by: "username" | "id";
  label: string;
  allowClear?: boolean;
  placeholder?: string;
  status?: "error";
}

/** Picks a user of the tenant by name; a value the directory does not list is shown as it is. */
export const UserSelect = ({ value, onChange, users, by, label, allowClear, placeholder, status }: Props) => (
  <Select
    aria-label={label}
    showSearch={{ optionFilterProp: "label" }}
    allowClear={allowClear}
    placeholder={placeholder}
    status={status}
    value={value === "" ? undefined : value}
    onChange={(next: string | undefined) => onChange(next)}
    options={users.map((user) => ({
      value: by === "username" ? user.username : user.id,
      label: user.name === user.username ? user.name : `${user.name} (${user.username})`,
    }))}
  />
);
