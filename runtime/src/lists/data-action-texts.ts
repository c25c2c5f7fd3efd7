import { defineMessages } from "../i18n/define-messages.js";

/** Texts of the list's import, export and duplicates buttons. */
export const useDataActionText = defineMessages(
  {
    "data.import": "Import",
    "data.export": "Export",
    "data.exportCsv": "CSV",
    "data.exportXlsx": "Excel (.xlsx)",
    "data.exporting": "Preparing the file…",
    "data.exported": "{file} downloaded",
    "data.exportFailed": "The export failed: {reason}",
    "data.duplicates": "Find duplicates",
  },
  {
    "data.import": "导入",
    "data.export": "导出",
    "data.exportCsv": "CSV",
    "data.exportXlsx": "Excel（.xlsx）",
    "data.exporting": "正在生成文件…",
    "data.exported": "已下载 {file}",
    "data.exportFailed": "导出失败：{reason}",
    "data.duplicates": "查找重复",
  },
);
