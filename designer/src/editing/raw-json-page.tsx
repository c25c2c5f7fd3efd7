import { isMetadataKind, isPlainObject, type MetadataKind } from "@tessera/metadata";
import { Alert, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { useDesignerText } from "../i18n/designer-texts.js";
import { EditorToolbar } from "./editor-toolbar.js";
import { useDocumentEditor } from "./use-document-editor.js";

const JsonEditor = ({ kind, name }: { kind: MetadataKind; name: string }) => {
  const t = useDesignerText();
  const editor = useDocumentEditor(kind, name, { kind, name } as never);
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  useEffect(() => setText(JSON.stringify(editor.value, null, 2)), [editor.value]);
  const onChange = (next: string) => {
    setText(next);
    try {
      const parsed: unknown = JSON.parse(next);
      if (!isPlainObject(parsed)) return setError(t("json.notObject"));
      setError(undefined);
      editor.update(parsed as never);
    } catch (failure) {
      setError(t("json.invalid", { reason: failure instanceof Error ? failure.message : String(failure) }));
    }
  };
  return (
    <>
      <Typography.Title level={3}>
        {kind} <code>{name}</code>
      </Typography.Title>
      <EditorToolbar editor={editor} />
      {error !== undefined && <Alert type="warning" showIcon title={error} />}
      <Input.TextArea
        aria-label={t("json.title", { document: `${kind} ${name}` })}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        autoSize={{ minRows: 24 }}
        spellCheck={false}
        style={{ fontFamily: "monospace", fontSize: 12, marginTop: 12 }}
      />
    </>
  );
};

/** Any draft document as JSON, for implementers; a kind and name not in the draft start a new one. */
export const RawJsonPage = () => {
  const { kind = "", name = "" } = useParams();
  const t = useDesignerText();
  if (!isMetadataKind(kind)) return <Alert type="error" title={t("page.notFound")} />;
  return <JsonEditor key={`${kind}/${name}`} kind={kind} name={name} />;
};
