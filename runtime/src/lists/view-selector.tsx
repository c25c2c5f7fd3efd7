import type { ListView } from "@tessera/metadata";
import { Select } from "antd";
import { useLocale } from "../i18n/locale-context.js";
import { useListText } from "./list-texts.js";

/** Not a list view name (those are camelCase), so it cannot collide with one. */
const ALL_RECORDS = "*all";

interface ViewSelectorProps {
  views: readonly ListView[];
  /** The list view shown; undefined for all records. */
  current: string | undefined;
  allLabel: string;
  onChange: (view: string | undefined) => void;
}

/** "All <records>" and the object's list views. */
export const ViewSelector = ({ views, current, allLabel, onChange }: ViewSelectorProps) => {
  const t = useListText();
  const { label } = useLocale();
  return (
    <Select<string>
      aria-label={t("list.view")}
      value={current ?? ALL_RECORDS}
      onChange={(name) => onChange(name === ALL_RECORDS ? undefined : name)}
      options={[
        { value: ALL_RECORDS, label: allLabel },
        ...views.map((v) => ({ value: v.name, label: label(v.label, v.name) })),
      ]}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200 }}
    />
  );
};
