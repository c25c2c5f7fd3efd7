import type { JsonValue, ListView, ListViewScope, ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Alert, Card, Flex, Form, InputNumber, Radio, Result, Typography } from "antd";
import { useMemo } from "react";
import { Link, useParams } from "react-router-dom";
import { ConditionEditor } from "../conditions/condition-editor.js";
import { useDraft } from "../draft/draft-context.js";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { type DocumentEditor, useDocumentEditor } from "../editing/use-document-editor.js";
import { useDesignerText } from "../i18n/designer-texts.js";
import { ColumnsEditor } from "./columns-editor.js";
import { messagesUnder } from "./issues-under.js";
import { ListPreview } from "./list-preview.js";
import { withColumns, withFilter, withPageSize, withScope, withSort } from "./list-view-settings.js";
import { useListViewText } from "./list-view-texts.js";
import { newListView } from "./new-list-view.js";
import { SortEditor } from "./sort-editor.js";
import "./list-views.css";

/** Form.Item props showing the engine's problem at `pointer` on its control. */
const problemAt = (editor: DocumentEditor<"listView">, pointer: string) => {
  const message = editor.issues.at(pointer);
  return { validateStatus: message === undefined ? undefined : ("error" as const), help: message };
};

/** The same for a value with inner parts (a label's `/label/en`). */
const problemUnder = (editor: DocumentEditor<"listView">, pointer: string) => {
  const message = messagesUnder(editor.issues.all, pointer);
  return { validateStatus: message === undefined ? undefined : ("error" as const), help: message };
};

const SCOPES: ReadonlyArray<{ value: ListViewScope; key: "scope.all" | "scope.mine" | "scope.team" }> = [
  { value: "all", key: "scope.all" },
  { value: "mine", key: "scope.mine" },
  { value: "team", key: "scope.team" },
];

const ListViewForm = ({
  editor,
  view,
  object,
}: {
  editor: DocumentEditor<"listView">;
  view: ListView;
  object: ObjectDefinition;
}) => {
  const t = useListViewText();
  const { label } = useLocale();
  const update = (change: (current: ListView) => ListView) => editor.update(change);
  const filterProblem = messagesUnder(editor.issues.all, "/filter");
  return (
    <Flex vertical gap={16}>
      <Card title={label(view.label, view.name)} size="small">
        <Form layout="vertical" component="div">
          <Form.Item label={t("field.label")} required {...problemUnder(editor, "/label")}>
            <LocalizedTextInput
              label={t("field.label")}
              value={view.label}
              status={editor.issues.under("/label") ? "error" : undefined}
              onChange={(next) => update((current) => ({ ...current, label: next }))}
            />
          </Form.Item>
          <Flex gap={32} wrap>
            <Form.Item label={t("field.name")} {...problemAt(editor, "/name")}>
              <Typography.Text code copyable>
                {view.name}
              </Typography.Text>
            </Form.Item>
            <Form.Item label={t("field.object")} {...problemAt(editor, "/object")}>
              <Link to={`/objects/${encodeURIComponent(object.name)}`}>
                {label(object.label, object.name)}
              </Link>
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <Card title={t("columns.title")} size="small">
        <Typography.Paragraph type="secondary">{t("columns.help")}</Typography.Paragraph>
        <ColumnsEditor
          object={object}
          columns={view.columns}
          issueAt={editor.issues.at}
          onChange={(columns) => update((current) => withColumns(current, columns))}
        />
      </Card>
      <Card title={t("filter.title")} size="small">
        <Form layout="vertical" component="div">
          <Form.Item
            extra={t("filter.help")}
            validateStatus={filterProblem === undefined ? undefined : "error"}
            help={filterProblem}
          >
            <ConditionEditor
              label={t("filter.label")}
              filterOnly
              fields={object.fields}
              value={view.filter as JsonValue | undefined}
              error={filterProblem}
              onChange={(filter) => update((current) => withFilter(current, filter))}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card title={t("sort.title")} size="small">
        <SortEditor
          object={object}
          keys={view.sort ?? []}
          problems={editor.issues.all}
          onChange={(keys) => update((current) => withSort(current, keys))}
        />
      </Card>
      <Card title={t("options.title")} size="small">
        <Form layout="vertical" component="div">
          <Form.Item label={t("scope.label")} {...problemAt(editor, "/scope")}>
            <Radio.Group
              aria-label={t("scope.label")}
              value={view.scope ?? "all"}
              onChange={(e) => update((current) => withScope(current, e.target.value as ListViewScope))}
              options={SCOPES.map((scope) => ({ value: scope.value, label: t(scope.key) }))}
            />
          </Form.Item>
          <Form.Item label={t("pageSize.label")} {...problemAt(editor, "/pageSize")}>
            <InputNumber
              aria-label={t("pageSize.label")}
              placeholder={t("pageSize.placeholder")}
              min={10}
              max={200}
              precision={0}
              value={view.pageSize ?? null}
              onChange={(size) => update((current) => withPageSize(current, size))}
              style={{ width: 160 }}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card title={t("preview.title")} size="small">
        <ListPreview object={object} view={view} />
      </Card>
    </Flex>
  );
};

const ListViewEditor = ({ objectName, viewName }: { objectName: string; viewName: string }) => {
  const t = useListViewText();
  const td = useDesignerText();
  const { label } = useLocale();
  const draft = useDraft();
  const routeObject = draft.find("object", objectName);
  const initial = useMemo(
    () => (routeObject === undefined ? undefined : newListView(viewName, routeObject)),
    [routeObject, viewName],
  );
  const editor = useDocumentEditor("listView", viewName, initial);
  const view = editor.value;
  if (view === undefined) {
    return (
      <Result
        status="404"
        title={
          routeObject === undefined ? t("page.objectMissing", { object: objectName }) : td("page.notFound")
        }
        extra={<Link to="/objects">{td("nav.objects")}</Link>}
      />
    );
  }
  const object = draft.find("object", view.object);
  const backTo = object ?? routeObject;
  return (
    <>
      {backTo !== undefined && (
        <Link to={`/objects/${encodeURIComponent(backTo.name)}?tab=listViews`}>
          {t("page.back", { object: label(backTo.pluralLabel ?? backTo.label, backTo.name) })}
        </Link>
      )}
      <Typography.Title level={3}>
        {t("page.title", { label: label(view.label, view.name) })}
      </Typography.Title>
      <EditorToolbar editor={editor} />
      {view.object !== objectName && (
        <Alert type="info" showIcon title={t("page.otherObject", { object: view.object })} />
      )}
      {object === undefined ? (
        <Alert type="error" showIcon title={t("page.objectMissing", { object: view.object })} />
      ) : (
        <ListViewForm editor={editor} view={view} object={object} />
      )}
    </>
  );
};

/** /objects/:name/list-views/:view — a list view's columns, filter, sort and options, with a live preview. */
export const ListViewDesignerPage = () => {
  const { name = "", view = "" } = useParams();
  return <ListViewEditor key={`${name}/${view}`} objectName={name} viewName={view} />;
};
