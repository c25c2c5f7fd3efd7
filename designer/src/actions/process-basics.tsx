import { ArrowLeftOutlined } from "@ant-design/icons";
import type { LocalizedText, ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Select, Switch, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import type { DocumentEditor } from "../editing/use-document-editor.js";
import { IssueItem } from "./issue-item.js";

/** The fields every approval process and automation has, edited the same way in both designers. */
export interface ProcessBasicsValue {
  name: string;
  label: LocalizedText;
  description?: LocalizedText;
  object: string;
  active: boolean;
}

/** The area's own words for the shared controls ("Process label" vs "Automation label"). */
export interface ProcessBasicsTexts {
  label: string;
  name: string;
  object: string;
  objectFixed: string;
  active: string;
  description: string;
}

type BasicsKey =
  | "basics.label"
  | "basics.name"
  | "basics.object"
  | "basics.objectFixed"
  | "basics.active"
  | "basics.description";

/** The shared controls' words from an area's text table, which has these keys in both designers. */
export const processBasicsTexts = (t: (key: BasicsKey) => string): ProcessBasicsTexts => ({
  label: t("basics.label"),
  name: t("basics.name"),
  object: t("basics.object"),
  objectFixed: t("basics.objectFixed"),
  active: t("basics.active"),
  description: t("basics.description"),
});

type ProcessKind = "approvalProcess" | "automation";

interface HeaderProps<K extends ProcessKind> {
  editor: DocumentEditor<K>;
  process: ProcessBasicsValue;
  /** The list page the back link leads to (`/approvals`). */
  back: string;
  backText: string;
}

/** The toolbar, the way back to the list and the process's title, atop both designers. */
export const ProcessHeader = <K extends ProcessKind>({ editor, process, back, backText }: HeaderProps<K>) => {
  const { label } = useLocale();
  return (
    <>
      <EditorToolbar editor={editor} />
      <Link to={back}>
        <ArrowLeftOutlined /> {backText}
      </Link>
      <Typography.Title level={3}>{label(process.label, process.name)}</Typography.Title>
    </>
  );
};

interface BasicsProps {
  process: ProcessBasicsValue;
  /** Once saved the object is fixed: every step, rule and action names its fields. */
  stored: boolean;
  issues: DocumentIssues;
  objects: readonly ObjectDefinition[];
  texts: ProcessBasicsTexts;
  className: string;
  /** Sets some of the shared fields, as one undo step. */
  onSet: (change: Partial<Pick<ProcessBasicsValue, "label" | "object" | "active">>) => void;
  /** Sets the description (see `withDescription`: an empty one is left out). */
  onDescription: (description: LocalizedText) => void;
  /** The kind's own settings, shown between "Active" and the description (priority, run as). */
  children?: ReactNode;
}

/** Label, API name, object, active switch and description of an approval process or automation. */
export const ProcessBasics = (props: BasicsProps) => {
  const { process, stored, issues, objects, texts, className, onSet, onDescription, children } = props;
  const { label } = useLocale();
  return (
    <div className={className}>
      <IssueItem issues={issues} pointer="/label" label={texts.label}>
        <LocalizedTextInput
          value={process.label}
          onChange={(next) => onSet({ label: next })}
          label={texts.label}
          status={issues.under("/label") ? "error" : undefined}
        />
      </IssueItem>
      <IssueItem issues={issues} pointer="/name" label={texts.name}>
        <code>{process.name}</code>
      </IssueItem>
      <IssueItem
        issues={issues}
        pointer="/object"
        label={texts.object}
        help={stored ? texts.objectFixed : undefined}
      >
        <Select
          aria-label={texts.object}
          showSearch={{ optionFilterProp: "label" }}
          disabled={stored}
          status={issues.at("/object") === undefined ? undefined : "error"}
          value={process.object === "" ? undefined : process.object}
          onChange={(object: string) => onSet({ object })}
          options={objects.map((o) => ({ value: o.name, label: label(o.label, o.name) }))}
        />
      </IssueItem>
      <IssueItem issues={issues} pointer="/active" label={texts.active}>
        <Switch aria-label={texts.active} checked={process.active} onChange={(active) => onSet({ active })} />
      </IssueItem>
      {children}
      <IssueItem issues={issues} pointer="/description" label={texts.description}>
        <LocalizedTextInput value={process.description} onChange={onDescription} label={texts.description} />
      </IssueItem>
    </div>
  );
};
