import { Nothing } from "../common/page-state.js";

/** Placeholder until this screen lands (issue 6). */
export const RecordPage = () => <Nothing />;
