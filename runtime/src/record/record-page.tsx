import { LockOutlined } from "@ant-design/icons";
import type { ObjectDefinition } from "@tessera/metadata";
import { Alert, App, Breadcrumb, Tabs, Typography } from "antd";
import { useCallback, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { ObjectUi, RecordData } from "../api/types.js";
import { LoadError, Loading } from "../common/page-state.js";
import { useObjectUi } from "../data/object-ui.js";
import { useAsync } from "../data/use-async.js";
import { useLocale } from "../i18n/locale-context.js";
import { runPluginAction } from "../plugins/plugin-action.js";
import { PluginPanel } from "../plugins/plugin-panel.js";
import { usePluginText } from "../plugins/plugin-texts.js";
import { useBootstrap } from "../session/session-context.js";
import { ApprovalCommandModal } from "./approval-command-modal.js";
import { ApprovalPanel } from "./approval-panel.js";
import { ApprovalStatusTag } from "./approval-status-tag.js";
import { type ApprovalView, lockedFor } from "./approval-view.js";
import { PrintMenu } from "./print-menu.js";
import { problemText } from "./problem-text.js";
import { pageLayout, readSections } from "./read-sections.js";
import { type RecordAction, recordActions } from "./record-actions.js";
import { deleteRecord, loadApproval, loadRecord, runApprovalCommand } from "./record-api.js";
import { RecordButtons } from "./record-buttons.js";
import { RecordHistory } from "./record-history.js";
import { RecordSections } from "./record-sections.js";
import { useRecordText } from "./record-text.js";
import { RelatedLists } from "./related-lists.js";
import { ruleData } from "./rule-data.js";
import { useRecordTitle } from "./use-record-title.js";
import { useUserNames } from "./use-user-names.js";
import "./record-page.css";

const SYSTEM_USER_FIELDS = ["ownerId", "createdBy", "updatedBy"] as const;

interface LoadedProps {
  objectName: string;
  id: string;
  ui: ObjectUi;
  record: RecordData;
  /** Undefined while loading, or when it could not be read. */
  approval: ApprovalView | undefined;
  approvalFailed: boolean;
  reload: () => void;
}

/** The record page once the object's metadata and the record are there. */
const LoadedRecord = ({ objectName, id, ui, record, approval, approvalFailed, reload }: LoadedProps) => {
  const t = useRecordText();
  const { label } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const bootstrap = useBootstrap();
  const [submitting, setSubmitting] = useState(false);
  const p = usePluginText();
  /** The name of the action whose request is running (a delete, a plugin button). */
  const [running, setRunning] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  const object: ObjectDefinition = ui.object;
  const layout = pageLayout(ui.layouts);
  const sections = useMemo(() => readSections(layout, object), [layout, object]);
  const userNames = useUserNames(
    SYSTEM_USER_FIELDS.map((f) => record[f]).filter((v): v is string => typeof v === "string"),
  );
  // The banner tells everyone but the approvers; administrators may still edit (as the server allows).
  const lockedForMe = lockedFor(approval, bootstrap.user.id);
  const locked = lockedForMe && bootstrap.user.administrator !== true;
  const actions = recordActions(layout, {
    permissions: ui.permissions,
    lockedForUser: locked,
    canSubmit: ui.hasApprovalProcess && approval !== undefined && approval.status !== "pending",
    data: ruleData(record),
  });
  const name = record[object.recordName];
  const templated = useRecordTitle(objectName, record, ui);
  const title = templated ?? (typeof name === "string" && name !== "" ? name : t("record.untitled"));
  const listLabel = label(object.pluralLabel ?? object.label, object.name);

  const runPlugin = async (action: RecordAction, plugin: NonNullable<RecordAction["plugin"]>) => {
    setRunning(action.name);
    try {
      const target = await runPluginAction(plugin.package, plugin.path, id);
      if (target === undefined) {
        void message.success(p("plugin.actionDone"));
        reload();
      } else navigate(`/o/${encodeURIComponent(target.object)}/${encodeURIComponent(target.id)}`);
    } catch (failure) {
      setActionError(problemText(failure, p("plugin.actionFailed")));
    } finally {
      setRunning(undefined);
    }
  };

  const runAction = async (action: RecordAction) => {
    setActionError(undefined);
    if (action.action === "edit")
      navigate(`/o/${encodeURIComponent(objectName)}/${encodeURIComponent(id)}/edit`);
    else if (action.action === "submitForApproval") setSubmitting(true);
    else if (action.action === "plugin") {
      if (action.plugin !== undefined) await runPlugin(action, action.plugin);
    } else {
      setRunning(action.name);
      try {
        await deleteRecord(objectName, id, record.version);
        void message.success(t("record.deleted"));
        navigate(`/o/${encodeURIComponent(objectName)}`);
      } catch (failure) {
        setActionError(problemText(failure, t("record.actionFailed")));
        setRunning(undefined);
      }
    }
  };

  const tabs = [
    {
      key: "details",
      label: t("record.details"),
      children: (
        <RecordSections
          sections={sections}
          record={record}
          userNames={userNames}
          renderPanel={(widget) => (
            <PluginPanel widget={widget} record={record} object={object} refresh={reload} />
          )}
        />
      ),
    },
    ...(ui.relatedLists.length === 0
      ? []
      : [
          {
            key: "related",
            label: t("record.related"),
            children: (
              <RelatedLists
                available={ui.relatedLists}
                layout={layout}
                parentObject={objectName}
                parentId={id}
              />
            ),
          },
        ]),
    {
      key: "history",
      label: t("record.history"),
      children: <RecordHistory object={object} id={id} record={record} version={record.version} />,
    },
    ...(approval === undefined || (!ui.hasApprovalProcess && approval.status === "none")
      ? []
      : [
          {
            key: "approval",
            label: t("record.approval"),
            children: (
              <ApprovalPanel
                object={objectName}
                id={id}
                approval={approval}
                hasProcess={ui.hasApprovalProcess}
                onChanged={reload}
              />
            ),
          },
        ]),
  ];

  return (
    <section aria-labelledby="record-title">
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[{ title: <Link to={`/o/${encodeURIComponent(objectName)}`}>{listLabel}</Link> }, { title }]}
      />
      <div className="record-header">
        <div style={{ display: "flex", alignItems: "center", gap: 12 }}>
          <Typography.Title level={2} id="record-title">
            {title}
          </Typography.Title>
          {approval !== undefined && approval.status !== "none" && (
            <ApprovalStatusTag status={approval.status} />
          )}
        </div>
        <div style={{ display: "flex", gap: 8 }}>
          <PrintMenu object={objectName} id={id} templates={ui.templates ?? []} />
          <RecordButtons actions={actions} running={running} onRun={(action) => void runAction(action)} />
        </div>
      </div>
      {lockedForMe && (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          title={t("record.locked")}
          description={t("record.lockedHint")}
          style={{ marginBottom: 16 }}
        />
      )}
      {approvalFailed && (
        <Alert type="warning" showIcon title={t("approval.unavailable")} style={{ marginBottom: 16 }} />
      )}
      {actionError !== undefined && (
        <Alert
          type="error"
          showIcon
          title={actionError}
          closable={{ onClose: () => setActionError(undefined) }}
          style={{ marginBottom: 16 }}
        />
      )}
      <Tabs items={tabs} />
      {submitting && (
        <ApprovalCommandModal
          command="submit"
          subject={title}
          run={(comment) => runApprovalCommand(objectName, id, "submit", comment)}
          onCancel={() => setSubmitting(false)}
          onDone={() => {
            setSubmitting(false);
            reload();
          }}
        />
      )}
    </section>
  );
};

/**
 * A record in read mode (/o/:object/:id): the layout's sections with formatted values, related
 * lists, field history and the approval panel, with the actions the user may take.
 */
export const RecordPage = () => {
  const { object = "", id = "" } = useParams();
  const ui = useObjectUi(object);
  const record = useAsync((signal) => loadRecord(object, id, signal), [object, id]);
  const approval = useAsync((signal) => loadApproval(object, id, signal), [object, id]);
  const { reload: reloadRecord } = record;
  const { reload: reloadApproval } = approval;
  const reload = useCallback(() => {
    reloadRecord();
    reloadApproval();
  }, [reloadRecord, reloadApproval]);
  const failure = ui.error ?? record.error;
  if (failure !== undefined)
    return (
      <LoadError
        error={failure}
        onRetry={() => {
          ui.reload();
          reload();
        }}
      />
    );
  // While the next record loads, the previous one's data is still at hand: never draw one
  // object's layout over another's record, and start each record's page afresh (open sections).
  if (ui.data === undefined || record.data === undefined) return <Loading />;
  if (ui.data.object.name !== object || record.data.id !== id) return <Loading />;
  return (
    <LoadedRecord
      key={`${object}/${id}`}
      objectName={object}
      id={id}
      ui={ui.data}
      record={record.data}
      approval={approval.data}
      approvalFailed={approval.error !== undefined}
      reload={reload}
    />
  );
};
