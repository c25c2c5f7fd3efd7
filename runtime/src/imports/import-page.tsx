import { Result } from "antd";
import { useParams } from "react-router-dom";
import { LoadError, Loading } from "../common/page-state.js";
import { useObjectUi } from "../data/object-ui.js";
import { useImportText } from "./import-texts.js";
import { ImportWizard } from "./import-wizard.js";

/** `/o/:object/import`: the import wizard, for users who may create or edit the object's records. */
export const ImportPage = () => {
  const t = useImportText();
  const { object = "" } = useParams();
  const ui = useObjectUi(object);
  if (ui.error !== undefined) return <LoadError error={ui.error} onRetry={ui.reload} />;
  if (ui.data === undefined || ui.data.object.name !== object) return <Loading />;
  if (!ui.data.permissions.create && !ui.data.permissions.edit) {
    return <Result status="403" title={t("wizard.notAllowed")} />;
  }
  return <ImportWizard key={object} ui={ui.data} />;
};
