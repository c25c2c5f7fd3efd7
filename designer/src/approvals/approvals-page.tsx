import type { ApprovalProcess } from "@tessera/metadata";
import { ProcessListPage, processListTexts } from "../actions/process-list-page.js";
import { useDraft } from "../draft/draft-context.js";
import { useApprovalText } from "./approval-texts.js";

const byObjectAndPriority = (a: ApprovalProcess, b: ApprovalProcess) =>
  a.object.localeCompare(b.object) || a.priority - b.priority || a.name.localeCompare(b.name);

/** Every approval process of the draft, and the way to start a new one. */
export const ApprovalsPage = () => {
  const draft = useDraft();
  const t = useApprovalText();
  return (
    <ProcessListPage<ApprovalProcess>
      processes={[...draft.ofKind("approvalProcess")].sort(byObjectAndPriority)}
      path="/approvals"
      fallbackName="approvalProcess"
      className="approvals-page"
      texts={processListTexts(t)}
      middle={[]}
      end={[
        { key: "priority", title: t("col.priority"), dataIndex: "priority" },
        { key: "steps", title: t("col.steps"), render: (_, p) => p.steps.length },
      ]}
    />
  );
};
