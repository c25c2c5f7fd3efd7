import type { AppDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Card, Flex, Form, Input, Result, Select, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { type DocumentEditor, useDocumentEditor } from "../editing/use-document-editor.js";
import { useDesignerText } from "../i18n/designer-texts.js";
import { messagesUnder } from "../list-views/issues-under.js";
import { withDescription, withIcon, withLabel, withNavigation, withProfiles } from "./app-settings.js";
import { useAppText } from "./app-texts.js";
import { NavigationEditor } from "./navigation-editor.js";
import { usePageLabel } from "./use-page-label.js";
import "./apps.css";

/** Form.Item props showing the engine's problems at or below `pointer` (`/label/en`) on its control. */
const problemAt = (editor: DocumentEditor<"app">, pointer: string) => {
  const message = messagesUnder(editor.issues.all, pointer);
  return { validateStatus: message === undefined ? undefined : ("error" as const), help: message };
};

const AppForm = ({ editor, app }: { editor: DocumentEditor<"app">; app: AppDefinition }) => {
  const t = useAppText();
  const { label } = useLocale();
  const draft = useDraft();
  const pageLabel = usePageLabel();
  const update = (change: (current: AppDefinition) => AppDefinition) => editor.update(change);
  const profiles = draft.ofKind("profile");
  return (
    <Flex vertical gap={16}>
      <Card title={t("app.details")} size="small">
        <Form layout="vertical" component="div">
          <Form.Item label={t("app.label")} required {...problemAt(editor, "/label")}>
            <LocalizedTextInput
              label={t("app.label")}
              value={app.label}
              status={editor.issues.under("/label") ? "error" : undefined}
              onChange={(next) => update((current) => withLabel(current, next))}
            />
          </Form.Item>
          <Form.Item label={t("apps.name")}>
            <Typography.Text code copyable>
              {app.name}
            </Typography.Text>
          </Form.Item>
          <Form.Item label={t("app.description")} {...problemAt(editor, "/description")}>
            <LocalizedTextInput
              label={t("app.description")}
              value={app.description}
              onChange={(next) => update((current) => withDescription(current, next))}
            />
          </Form.Item>
          <Form.Item label={t("app.icon")} extra={t("app.iconHelp")} {...problemAt(editor, "/icon")}>
            <Input
              aria-label={t("app.icon")}
              value={app.icon ?? ""}
              status={editor.issues.at("/icon") === undefined ? undefined : "error"}
              onChange={(e) => update((current) => withIcon(current, e.target.value))}
              style={{ maxWidth: 280 }}
            />
          </Form.Item>
          <Form.Item
            label={t("app.profiles")}
            extra={t("app.profilesHelp")}
            {...problemAt(editor, "/profiles")}
          >
            <Select
              aria-label={t("app.profiles")}
              mode="multiple"
              allowClear
              value={app.profiles ?? []}
              onChange={(next: string[]) => update((current) => withProfiles(current, next))}
              options={profiles.map((p) => ({ value: p.name, label: label(p.label, p.name) }))}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card title={t("nav.title")} size="small">
        <Typography.Paragraph type="secondary">{t("nav.help")}</Typography.Paragraph>
        <NavigationEditor
          items={app.navigation}
          problems={editor.issues.all}
          onChange={(navigation) => update((current) => withNavigation(current, navigation))}
          names={{
            objects: draft.ofKind("object"),
            listViews: draft.ofKind("listView"),
            label,
            pageLabel,
          }}
        />
      </Card>
    </Flex>
  );
};

const AppEditor = ({ name }: { name: string }) => {
  const t = useAppText();
  const td = useDesignerText();
  const { label } = useLocale();
  const editor = useDocumentEditor("app", name);
  const app = editor.value;
  if (app === undefined) {
    return (
      <Result status="404" title={td("page.notFound")} extra={<Link to="/apps">{t("app.back")}</Link>} />
    );
  }
  return (
    <>
      <Link to="/apps">{t("app.back")}</Link>
      <Typography.Title level={3}>{t("app.title", { label: label(app.label, app.name) })}</Typography.Title>
      <EditorToolbar editor={editor} />
      <AppForm editor={editor} app={app} />
    </>
  );
};

/** /apps/:name — an app's label, icon, audience and menu (reordered by drag). */
export const AppEditorPage = () => {
  const { name = "" } = useParams();
  return <AppEditor key={name} name={name} />;
};
