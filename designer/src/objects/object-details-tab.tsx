import type { LocalizedText, SharingModel } from "@tessera/metadata";
import { SHARING_MODELS } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Input, Select, Switch } from "antd";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import type { DocumentEditor } from "../editing/use-document-editor.js";
import { useObjectsText } from "./objects-texts.js";
import { SharingModelChoices } from "./sharing-model-choices.js";

/** Field types that can name records (the metadata's record-name check accepts these). */
const NAMING_TYPES: ReadonlySet<string> = new Set(["text", "email", "phone", "autoNumber"]);

const problemAt = (message: string | undefined) =>
  message === undefined ? {} : { validateStatus: "error" as const, help: message };

/** The object's own settings: labels, description, record name field, sharing model, icon, history. */
export const ObjectDetailsTab = ({ editor }: { editor: DocumentEditor<"object"> }) => {
  const t = useObjectsText();
  const { label } = useLocale();
  const object = editor.value;
  if (object === undefined) return null;
  const { issues } = editor;
  const set = <K extends keyof typeof object>(key: K, value: (typeof object)[K] | undefined) =>
    editor.update((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const naming = object.fields.filter(
    (f) => NAMING_TYPES.has(f.type) || (f.type === "formula" && f.returnType === "text"),
  );
  return (
    <Form layout="vertical" className="object-details" style={{ maxWidth: 720 }}>
      <Form.Item
        label={t("details.label")}
        required
        {...problemAt(issues.at("/label") ?? issues.at("/label/en"))}
      >
        <LocalizedTextInput
          label={t("details.label")}
          value={object.label}
          onChange={(v) => set("label", v)}
        />
      </Form.Item>
      <Form.Item
        label={t("details.pluralLabel")}
        required
        {...problemAt(issues.at("/pluralLabel") ?? issues.at("/pluralLabel/en"))}
      >
        <LocalizedTextInput
          label={t("details.pluralLabel")}
          value={object.pluralLabel}
          onChange={(v) => set("pluralLabel", v)}
        />
      </Form.Item>
      <Form.Item label={t("details.description")} {...problemAt(issues.at("/description"))}>
        <LocalizedTextInput
          label={t("details.description")}
          value={object.description}
          onChange={(v: LocalizedText) =>
            set("description", v.en === "" && v["zh-CN"] === undefined ? undefined : v)
          }
        />
      </Form.Item>
      <Form.Item
        label={t("details.recordName")}
        htmlFor="object-record-name"
        extra={t("details.recordNameHelp")}
        {...problemAt(issues.at("/recordName"))}
      >
        <Select
          id="object-record-name"
          aria-label={t("details.recordName")}
          value={object.recordName}
          onChange={(v: string) => set("recordName", v)}
          options={naming.map((f) => ({ value: f.name, label: `${label(f.label, f.name)} (${f.name})` }))}
        />
      </Form.Item>
      <Form.Item label={t("details.sharing")} {...problemAt(issues.at("/sharingModel"))}>
        <SharingModelChoices
          label={t("details.sharing")}
          value={object.sharingModel}
          onChange={(v: SharingModel) => set("sharingModel", v)}
          models={SHARING_MODELS}
        />
      </Form.Item>
      <Form.Item label={t("details.icon")} htmlFor="object-icon" {...problemAt(issues.at("/icon"))}>
        <Input
          id="object-icon"
          value={object.icon ?? ""}
          onChange={(e) => set("icon", e.target.value.trim() === "" ? undefined : e.target.value.trim())}
          style={{ maxWidth: 240 }}
        />
      </Form.Item>
      <Form.Item {...problemAt(issues.at("/trackHistory"))}>
        <Switch
          id="object-track-history"
          checked={object.trackHistory !== false}
          onChange={(on) => set("trackHistory", on ? undefined : false)}
        />{" "}
        <label htmlFor="object-track-history">{t("details.trackHistory")}</label>
      </Form.Item>
    </Form>
  );
};
