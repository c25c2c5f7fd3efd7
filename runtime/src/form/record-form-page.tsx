import type { FormMode } from "@tessera/metadata";
import { useParams } from "react-router-dom";
import { LoadError, Loading } from "../common/page-state.js";
import { useObjectUi } from "../data/object-ui.js";
import { useAsync } from "../data/use-async.js";
import { RecordFormScreen } from "./record-form-screen.js";
import { loadLocked, loadRecord } from "./save-record.js";

/**
 * `/o/:object/new` (fields may be pre-filled from the query, e.g. `?account=<id>`) and
 * `/o/:object/:id/edit`: loads what the form needs, then shows it.
 */
export const RecordFormPage = ({ mode }: { mode: Exclude<FormMode, "read"> }) => {
  const { object = "", id } = useParams();
  const ui = useObjectUi(object);
  const record = useAsync(
    (signal) =>
      mode === "edit" && id !== undefined ? loadRecord(object, id, signal) : Promise.resolve(undefined),
    [mode, object, id],
  );
  const hasApproval = ui.data?.hasApprovalProcess === true;
  const locked = useAsync(
    (signal) =>
      mode === "edit" && id !== undefined && hasApproval
        ? loadLocked(object, id, signal)
        : Promise.resolve(false),
    [mode, object, id, hasApproval],
  );
  if (ui.error !== undefined) return <LoadError error={ui.error} onRetry={ui.reload} />;
  if (record.error !== undefined) return <LoadError error={record.error} onRetry={record.reload} />;
  if (ui.loading || ui.data === undefined || record.loading) return <Loading />;
  if (mode === "edit" && record.data === undefined) return <Loading />;
  return (
    <RecordFormScreen
      key={`${mode}:${object}:${id ?? ""}`}
      mode={mode}
      ui={ui.data}
      // The approval state only adds a warning: a failure to read it does not stop the form.
      locked={locked.data === true}
      {...(record.data === undefined ? {} : { record: record.data })}
    />
  );
};
