import { defineMessages } from "../i18n/define-messages.js";

/** Texts around package widgets and plugin buttons. */
export const usePluginText = defineMessages(
  {
    "plugin.fieldFallback": "The {widget} input could not be loaded; a plain input is shown instead.",
    "plugin.panelLoading": "Loading…",
    "plugin.panelUnavailable": "This panel ({widget}) is not available.",
    "plugin.panelPreview": "Panel of a package: {widget}",
    "plugin.actionDone": "Done",
    "plugin.actionFailed": "The action could not be completed",
    "plugin.confirmOk": "Continue",
  },
  {
    "plugin.fieldFallback": "无法加载 {widget} 输入控件，已改用普通输入框。",
    "plugin.panelLoading": "正在加载…",
    "plugin.panelUnavailable": "此面板（{widget}）不可用。",
    "plugin.panelPreview": "程序包面板：{widget}",
    "plugin.actionDone": "操作已完成",
    "plugin.actionFailed": "操作未能完成",
    "plugin.confirmOk": "继续",
  },
);
