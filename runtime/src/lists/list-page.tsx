import { useParams } from "react-router-dom";
import { LoadError, Loading } from "../common/page-state.js";
import { useObjectUi } from "../data/object-ui.js";
import { ListScreen } from "./list-screen.js";

/** /o/:object — the object's records, as its UI metadata and the user's permissions allow. */
export const ListPage = () => {
  const { object = "" } = useParams();
  const ui = useObjectUi(object);
  if (ui.error !== undefined) return <LoadError error={ui.error} onRetry={ui.reload} />;
  if (ui.data === undefined || ui.data.object.name !== object) return <Loading />;
  return <ListScreen key={object} ui={ui.data} />;
};
