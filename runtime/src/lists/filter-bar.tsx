import { CloseOutlined, FilterOutlined } from "@ant-design/icons";
import { type JsonValue, type ObjectDefinition, operatorsOf } from "@tessera/metadata";
import { Alert, Button, Select, Space } from "antd";
import { useRef, useState } from "react";
import { useLocale } from "../i18n/locale-context.js";
import {
  changeOperator,
  conditionsToJsonLogic,
  type FilterCondition,
  isComplete,
  jsonLogicToConditions,
  type ParsedConditions,
  startCondition,
  valueShapeOf,
} from "./filter-conditions.js";
import { filterableFields, operatorText } from "./filter-fields.js";
import { FilterValueInput } from "./filter-value-input.js";
import { useListText } from "./list-texts.js";

/** A row being edited: no field yet, or a condition (complete or not). */
interface Row {
  key: number;
  condition?: FilterCondition;
}

/** Why the rows cannot be applied (kept as a message key, so it follows a language switch). */
interface Problem {
  key: "filter.custom" | "filter.invalid" | "filter.incomplete";
  reason?: string;
}

interface FilterBarProps {
  object: ObjectDefinition;
  /** The filter in force (from the URL), read back into rows. */
  applied: ParsedConditions;
  /** The new filter bar filter, or undefined to clear it. */
  onApply: (filter: JsonValue | undefined) => void;
}

/**
 * Conditions on the list's fields, all of which must hold: field, then an operator the field's type
 * offers, then a value typed as the field's type asks. Applied together, checked with the same
 * filter parser as the server.
 */
export const FilterBar = ({ object, applied, onApply }: FilterBarProps) => {
  const t = useListText();
  const { label } = useLocale();
  const fields = filterableFields(object);
  const nextKey = useRef(0);
  const newRow = (condition?: FilterCondition): Row => {
    nextKey.current += 1;
    return { key: nextKey.current, ...(condition !== undefined && { condition }) };
  };
  const [rows, setRows] = useState<Row[]>(() => (applied.ok ? applied.conditions.map((c) => newRow(c)) : []));
  const [problem, setProblem] = useState<Problem | undefined>(() =>
    applied.ok
      ? undefined
      : applied.reason === "custom"
        ? { key: "filter.custom" }
        : { key: "filter.invalid", reason: applied.message },
  );
  const update = (key: number, condition: FilterCondition) => {
    setProblem(undefined);
    setRows((all) => all.map((r) => (r.key === key ? { key, condition } : r)));
  };
  const remove = (key: number) => {
    setProblem(undefined);
    setRows((all) => all.filter((r) => r.key !== key));
  };
  const apply = () => {
    const conditions = rows.flatMap((r) => (r.condition === undefined ? [] : [r.condition]));
    if (conditions.length !== rows.length || !conditions.every(isComplete)) {
      setProblem({ key: "filter.incomplete" });
      return;
    }
    const filter = conditionsToJsonLogic(conditions);
    const checked = filter === undefined ? undefined : jsonLogicToConditions(object, filter);
    if (checked !== undefined && !checked.ok) {
      setProblem({ key: "filter.invalid", reason: checked.reason === "invalid" ? checked.message : "" });
      return;
    }
    onApply(filter);
  };
  const clear = () => {
    setRows([]);
    setProblem(undefined);
    onApply(undefined);
  };
  const hasFilter = rows.length > 0 || !applied.ok || applied.conditions.length > 0;

  return (
    <section aria-label={t("filter.title")} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      {rows.map((row, index) => {
        const field = fields.find((f) => f.name === row.condition?.field);
        const condition = row.condition;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a row of inputs, not a form field set
          <div role="group" aria-label={`${t("filter.title")} ${index + 1}`} key={row.key}>
            <Space wrap>
              <Select<string>
                aria-label={t("filter.field")}
                placeholder={t("filter.field")}
                value={field?.name}
                showSearch={{ optionFilterProp: "label" }}
                options={fields.map((f) => ({ value: f.name, label: label(f.label, f.name) }))}
                onChange={(name) => {
                  const picked = fields.find((f) => f.name === name);
                  if (picked !== undefined) update(row.key, startCondition(picked));
                }}
                style={{ minWidth: 180 }}
              />
              {field !== undefined && condition !== undefined && (
                <>
                  <Select
                    aria-label={t("filter.operator")}
                    value={condition.operator}
                    options={operatorsOf(field).map((op) => ({
                      value: op,
                      label: t(operatorText(field, op)),
                    }))}
                    onChange={(op) => update(row.key, changeOperator(condition, op))}
                    style={{ minWidth: 140 }}
                  />
                  <FilterValueInput
                    field={field}
                    shape={valueShapeOf(condition.operator)}
                    value={condition.value}
                    onChange={(value) => {
                      const { value: _old, ...rest } = condition;
                      update(row.key, value === undefined ? rest : { ...rest, value });
                    }}
                  />
                </>
              )}
              <Button
                type="text"
                icon={<CloseOutlined />}
                aria-label={t("filter.remove")}
                title={t("filter.remove")}
                onClick={() => remove(row.key)}
              />
            </Space>
          </div>
        );
      })}
      {problem !== undefined && (
        <Alert type="warning" showIcon title={t(problem.key, { reason: problem.reason ?? "" })} />
      )}
      <Space wrap>
        <Button icon={<FilterOutlined />} onClick={() => setRows((all) => [...all, newRow()])}>
          {t("filter.add")}
        </Button>
        {hasFilter && (
          <>
            <Button type="primary" onClick={apply}>
              {t("filter.apply")}
            </Button>
            <Button onClick={clear}>{t("filter.clear")}</Button>
          </>
        )}
      </Space>
    </section>
  );
};
