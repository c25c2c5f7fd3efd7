import type { DragEndEvent } from "@dnd-kit/core";
import type { ObjectDefinition } from "@tessera/metadata";
import { type ProblemDetail, useLocale } from "@tessera/runtime";
import { Radio, Select, Typography } from "antd";
import { SortableList } from "../dnd/sortable-list.js";
import { SortableRow } from "../dnd/sortable-row.js";
import { ProblemText, RemoveRowButton } from "../editing/row-parts.js";
import { messagesAt, messagesUnder } from "./issues-under.js";
import {
  addSortKey,
  MAX_SORT_KEYS,
  moveSortKey,
  removeSortKey,
  type SortDirection,
  type SortKey,
  setSortDirection,
  sortableFieldNames,
  sortKeyIds,
} from "./list-view-sort.js";
import { useListViewText } from "./list-view-texts.js";

interface Props {
  object: ObjectDefinition;
  keys: readonly SortKey[];
  onChange: (next: SortKey[]) => void;
  /** The engine's problems with the list view (pointers into the whole document). */
  problems: readonly ProblemDetail[];
}

/** The field's label for the admin; system dates have their own names. */
export const useSortFieldLabel = (object: ObjectDefinition) => {
  const t = useListViewText();
  const { label } = useLocale();
  return (name: string): string => {
    if (name === "createdAt") return t("system.createdAt");
    if (name === "updatedAt") return t("system.updatedAt");
    const field = object.fields.find((f) => f.name === name);
    return field === undefined ? name : label(field.label, name);
  };
};

/** The list's sort order: keys most significant first, each ascending or descending, reordered by drag. */
export const SortEditor = ({ object, keys, onChange, problems }: Props) => {
  const t = useListViewText();
  const fieldLabel = useSortFieldLabel(object);
  const ids = sortKeyIds(keys);
  const unused = sortableFieldNames(object).filter((name) => !keys.some((key) => key.field === name));
  const full = keys.length >= MAX_SORT_KEYS;
  const sortProblem = messagesAt(problems, "/sort");
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = ids.indexOf(String(active.id));
    const to = over === null ? -1 : ids.indexOf(String(over.id));
    if (from >= 0 && to >= 0 && from !== to) onChange(moveSortKey(keys, from, to));
  };
  return (
    <div className="lv-sort">
      {keys.length === 0 && <Typography.Text type="secondary">{t("sort.none")}</Typography.Text>}
      <SortableList ids={ids} label={t("sort.keys")} onDragEnd={onDragEnd}>
        {keys.map((key, index) => {
          const label = fieldLabel(key.field);
          const problem = messagesUnder(problems, `/sort/${index}`);
          return (
            <SortableRow
              key={ids[index]}
              id={ids[index] ?? key.field}
              handleLabel={t("sort.move", { label })}
              className={problem === undefined ? "" : "lv-row-error"}
            >
              <div className="lv-row">
                <span className="lv-item-label">
                  {index + 1}. {label}
                </span>
                <Radio.Group
                  aria-label={t("sort.direction", { label })}
                  size="small"
                  optionType="button"
                  value={key.direction}
                  onChange={(e) => onChange(setSortDirection(keys, index, e.target.value as SortDirection))}
                  options={[
                    { value: "asc", label: t("sort.asc") },
                    { value: "desc", label: t("sort.desc") },
                  ]}
                />
                <RemoveRowButton
                  label={t("sort.remove", { label })}
                  onClick={() => onChange(removeSortKey(keys, index))}
                />
              </div>
              <ProblemText problem={problem} />
            </SortableRow>
          );
        })}
      </SortableList>
      <Select
        aria-label={t("sort.add")}
        placeholder={t("sort.add")}
        value={null}
        disabled={full || unused.length === 0}
        showSearch={{ optionFilterProp: "label" }}
        onChange={(field: string | null) => field !== null && onChange(addSortKey(keys, field))}
        options={unused.map((name) => ({ value: name, label: fieldLabel(name) }))}
        style={{ minWidth: 240 }}
      />
      {full && <Typography.Text type="secondary">{t("sort.limit")}</Typography.Text>}
      <ProblemText problem={sortProblem} />
    </div>
  );
};
