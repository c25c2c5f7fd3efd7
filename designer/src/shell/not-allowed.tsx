import { Result } from "antd";
import { useDesignerText } from "../i18n/designer-texts.js";

/** What a signed-in user without the Manage metadata permission sees at /designer. */
export const NotAllowed = () => {
  const t = useDesignerText();
  return <Result status="403" title={t("page.notAllowed")} extra={<a href="/">{t("nav.runtime")}</a>} />;
};
