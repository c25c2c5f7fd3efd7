import { PlusOutlined } from "@ant-design/icons";
import { closestCenter, DndContext, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ValidationRule } from "@tessera/metadata";
import { Button, Typography } from "antd";
import { useDesignerSensors } from "../dnd/sensors.js";
import { SortableRow } from "../dnd/sortable-row.js";
import type { DocumentEditor } from "../editing/use-document-editor.js";
import { useRulesText } from "./rules-texts.js";
import { ValidationRuleCard } from "./validation-rule-card.js";
import { addRule, changeMessage, changeRule, moveRule, removeRule, withRules } from "./validation-rules.js";
import "./rules.css";

export interface ValidationRulesEditorProps {
  /** The object being edited: its `validationRules` are changed through `editor.update`. */
  editor: DocumentEditor<"object">;
}

const sortableId = (index: number) => `rule-${index}`;
const indexOf = (id: unknown) => Number(String(id).slice("rule-".length));

/**
 * The object's validation rules: add, remove, reorder by drag (pointer or keyboard), and edit each
 * rule's condition, message, name, field and switch. Every change is one undo step of the object.
 */
export const ValidationRulesEditor = ({ editor }: ValidationRulesEditorProps) => {
  const t = useRulesText();
  const sensors = useDesignerSensors();
  const object = editor.value;
  if (object === undefined) return null;
  const rules = object.validationRules ?? [];
  const update = (change: (rules: readonly ValidationRule[]) => ValidationRule[]) =>
    editor.update((current) => withRules(current, change(current.validationRules ?? [])));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null || active.id === over.id) return;
    update((current) => moveRule(current, indexOf(active.id), indexOf(over.id)));
  };
  return (
    <div className="validation-rules">
      <Typography.Paragraph type="secondary">{t("rules.hint")}</Typography.Paragraph>
      {rules.length === 0 && <Typography.Paragraph>{t("rules.empty")}</Typography.Paragraph>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={rules.map((_, i) => sortableId(i))} strategy={verticalListSortingStrategy}>
          {rules.map((rule, i) => (
            <SortableRow
              // Rows are sorted by position: names change while typed and may clash meanwhile.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={i}
              id={sortableId(i)}
              handleLabel={t("rules.move", { name: rule.name })}
            >
              <ValidationRuleCard
                rule={rule}
                at={`/validationRules/${i}`}
                fields={object.fields}
                issues={editor.issues}
                onChange={(patch) => update((current) => changeRule(current, i, patch))}
                onMessage={(message) => update((current) => changeMessage(current, i, message))}
                onRemove={() => update((current) => removeRule(current, i))}
              />
            </SortableRow>
          ))}
        </SortableContext>
      </DndContext>
      <Button aria-label={t("rules.add")} icon={<PlusOutlined />} onClick={() => update(addRule)}>
        {t("rules.add")}
      </Button>
    </div>
  );
};
