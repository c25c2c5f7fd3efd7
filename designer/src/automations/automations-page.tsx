import type { Automation } from "@tessera/metadata";
import { ProcessListPage, processListTexts } from "../actions/process-list-page.js";
import { useDraft } from "../draft/draft-context.js";
import { useAutomationText } from "./automation-texts.js";
import { TRIGGER_LABELS } from "./trigger-labels.js";

const byObjectAndLabel = (a: Automation, b: Automation) =>
  a.object.localeCompare(b.object) || a.name.localeCompare(b.name);

/** Every automation rule of the draft, and the way to start a new one. */
export const AutomationsPage = () => {
  const draft = useDraft();
  const t = useAutomationText();
  return (
    <ProcessListPage<Automation>
      processes={[...draft.ofKind("automation")].sort(byObjectAndLabel)}
      path="/automations"
      fallbackName="automation"
      className="automations-page"
      texts={processListTexts(t)}
      middle={[
        { key: "trigger", title: t("col.trigger"), render: (_, a) => t(TRIGGER_LABELS[a.trigger.type]) },
      ]}
      end={[{ key: "actions", title: t("col.actions"), render: (_, a) => a.actions.length }]}
    />
  );
};
