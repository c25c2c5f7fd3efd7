import { PlusOutlined } from "@ant-design/icons";
import { closestCenter, DndContext, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { ApprovalProcess } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button } from "antd";
import { useDesignerSensors } from "../dnd/sensors.js";
import { SortableRow } from "../dnd/sortable-row.js";
import type { DocumentEditor } from "../editing/use-document-editor.js";
import {
  type ApproverChoices,
  addStep,
  moveStep,
  relabelStep,
  removeStep,
  updateStep,
} from "./approval-model.js";
import { ApprovalStepEditor } from "./approval-step-editor.js";
import { useApprovalText } from "./approval-texts.js";

interface Props {
  editor: DocumentEditor<"approvalProcess">;
  process: ApprovalProcess;
  choices: ApproverChoices;
  /** Names of the steps the draft already has: those keep their name when relabelled. */
  savedNames: ReadonlySet<string>;
}

/** The steps in order: reorder by drag (or keyboard on the handle), add, edit, remove. */
export const ApprovalStepsEditor = ({ editor, process, choices, savedNames }: Props) => {
  const t = useApprovalText();
  const { label } = useLocale();
  const sensors = useDesignerSensors();
  // Positions, not names, identify rows: a new step's name follows its label as it is typed.
  const ids = process.steps.map((_, s) => `step-${s}`);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over === null || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    editor.update((p) => moveStep(p, from, to));
  };
  return (
    <div className="approval-steps">
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          {process.steps.map((step, s) => (
            <SortableRow
              key={ids[s]}
              id={ids[s] ?? String(s)}
              handleLabel={t("steps.move", { label: label(step.label, step.name) })}
            >
              <ApprovalStepEditor
                step={step}
                index={s}
                choices={choices}
                issues={editor.issues}
                onChange={(next) => editor.update((p) => updateStep(p, s, () => next))}
                onRelabel={(next) =>
                  editor.update((p) =>
                    updateStep(p, s, (current) => relabelStep(current, next, p.steps, savedNames)),
                  )
                }
                onRemove={process.steps.length > 1 ? () => editor.update((p) => removeStep(p, s)) : undefined}
              />
            </SortableRow>
          ))}
        </SortableContext>
      </DndContext>
      <Button
        icon={<PlusOutlined />}
        aria-label={t("steps.add")}
        onClick={() => editor.update(addStep)}
        disabled={process.steps.length >= 30}
      >
        {t("steps.add")}
      </Button>
    </div>
  );
};
