import { CloseCircleFilled } from "@ant-design/icons";
import { useControlText } from "./control-texts.js";

/**
 * `allowClear` for a text input: antd's clear button is a real button in the tab order, named after
 * its icon ("close-circle") unless its icon carries a name in the user's language.
 */
export const useAllowClear = () => {
  const t = useControlText();
  return { clearIcon: <CloseCircleFilled aria-label={t("control.clear")} /> };
};
