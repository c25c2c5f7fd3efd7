import { defineMessages } from "../i18n/define-messages.js";

/** Names of antd's own icon-only controls, which would otherwise be read out as the icon's name. */
export const useControlText = defineMessages(
  { "control.search": "Search", "control.clear": "Clear" },
  { "control.search": "搜索", "control.clear": "清除" },
);
