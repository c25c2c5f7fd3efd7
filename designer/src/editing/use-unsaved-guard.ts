import { useLeaveGuard } from "@tessera/runtime";
import { App } from "antd";
import { useCallback } from "react";
import { useNavigate } from "react-router-dom";
import { useDesignerText } from "../i18n/designer-texts.js";

/**
 * While an editor has unsaved changes, leaving it (a link, the browser's back, closing the tab)
 * asks first; discarding leaves, keeping stays. Shared by the one-document and document-set editors.
 */
export const useUnsavedGuard = (dirty: boolean): void => {
  const t = useDesignerText();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const confirmLeave = useCallback(
    (leave: () => void) =>
      void modal.confirm({
        title: t("editor.unsavedTitle"),
        content: t("editor.unsavedText"),
        okText: t("editor.discard"),
        cancelText: t("editor.keepEditing"),
        onOk: leave,
      }),
    [modal, t],
  );
  useLeaveGuard(dirty, confirmLeave, navigate);
};
