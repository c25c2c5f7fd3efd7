import { ArrowLeftOutlined } from "@ant-design/icons";
import { useLocale } from "@tessera/runtime";
import { Result, Space, Tabs, Typography } from "antd";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import { useDocumentEditor } from "../editing/use-document-editor.js";
import { FieldsTab } from "../fields/fields-tab.js";
import { ValidationRulesEditor } from "../rules/validation-rules-editor.js";
import { ObjectDetailsTab } from "./object-details-tab.js";
import { ObjectDocumentsTab } from "./object-documents-tab.js";
import { useObjectsText } from "./objects-texts.js";
import "./objects.css";

const TABS = ["fields", "rules", "layouts", "listViews", "details"] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | null): value is Tab => TABS.some((tab) => tab === value);

/**
 * One object: its fields, validation rules, page layouts, list views and details, in tabs kept in
 * `?tab=`. The tabs share one editor, so undo, save and the engine's problems cover all of them.
 */
export const ObjectPage = () => {
  const { name = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const t = useObjectsText();
  const { label } = useLocale();
  const editor = useDocumentEditor("object", name);
  const tabParam = params.get("tab");
  const tab: Tab = isTab(tabParam) ? tabParam : "fields";
  const object = editor.value;
  if (object === undefined) {
    return (
      <Result
        status="404"
        title={t("page.notFound", { name })}
        extra={<Link to="/objects">{t("page.back")}</Link>}
      />
    );
  }
  return (
    <div className="object-page">
      <Space className="object-title">
        <Link to="/objects" aria-label={t("page.back")}>
          <ArrowLeftOutlined />
        </Link>
        <Typography.Title level={3}>{label(object.label, object.name)}</Typography.Title>
        <Typography.Text code>{object.name}</Typography.Text>
      </Space>
      <EditorToolbar editor={editor} />
      <Tabs
        activeKey={tab}
        onChange={(next) => setParams(next === "fields" ? {} : { tab: next }, { replace: true })}
        items={[
          { key: "fields", label: t("tab.fields"), children: <FieldsTab editor={editor} /> },
          { key: "rules", label: t("tab.rules"), children: <ValidationRulesEditor editor={editor} /> },
          {
            key: "layouts",
            label: t("tab.layouts"),
            children: <ObjectDocumentsTab object={name} kind="layout" />,
          },
          {
            key: "listViews",
            label: t("tab.listViews"),
            children: <ObjectDocumentsTab object={name} kind="listView" />,
          },
          { key: "details", label: t("tab.details"), children: <ObjectDetailsTab editor={editor} /> },
        ]}
      />
    </div>
  );
};
