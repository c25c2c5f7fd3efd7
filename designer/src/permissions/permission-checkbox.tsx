import { Checkbox } from "antd";

interface Props {
  /** Accessible name: "Sales rep: Site Visit: Read". */
  label: string;
  checked: boolean;
  /** Some but not all of a column (for the "all" boxes). */
  indeterminate?: boolean;
  /** The engine's problem at this cell's pointer. */
  problem?: string | undefined;
  onChange: (checked: boolean) => void;
}

/** One cell of a permission matrix; a refused cell is outlined and names the problem. */
export const PermissionCheckbox = ({ label, checked, indeterminate, problem, onChange }: Props) => (
  <span className={problem === undefined ? "permission-cell" : "permission-cell has-problem"} title={problem}>
    <Checkbox
      aria-label={label}
      aria-invalid={problem === undefined ? undefined : true}
      checked={checked}
      indeterminate={indeterminate === true && !checked}
      onChange={(event) => onChange(event.target.checked)}
    />
  </span>
);
