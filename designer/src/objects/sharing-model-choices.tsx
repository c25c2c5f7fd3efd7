import type { SharingModel } from "@tessera/metadata";
import { Radio, Space, Typography } from "antd";
import { type ObjectsTextKey, useObjectsText } from "./objects-texts.js";

const TEXTS: Readonly<Record<SharingModel, { title: ObjectsTextKey; help: ObjectsTextKey }>> = {
  private: { title: "sharing.private", help: "sharing.privateHelp" },
  publicRead: { title: "sharing.publicRead", help: "sharing.publicReadHelp" },
  publicReadWrite: { title: "sharing.publicReadWrite", help: "sharing.publicReadWriteHelp" },
  controlledByParent: { title: "sharing.controlledByParent", help: "sharing.controlledByParentHelp" },
};

/** The name of a sharing model in the UI language. */
export const useSharingModelTitle = () => {
  const t = useObjectsText();
  return (model: SharingModel) => t(TEXTS[model].title);
};

interface Props {
  value: SharingModel;
  onChange: (next: SharingModel) => void;
  models: readonly SharingModel[];
  /** Accessible name of the radio group. */
  label: string;
}

/** The org-wide default of an object, each choice explained in words. */
export const SharingModelChoices = ({ value, onChange, models, label }: Props) => {
  const t = useObjectsText();
  return (
    <Radio.Group value={value} onChange={(e) => onChange(e.target.value as SharingModel)} aria-label={label}>
      <Space orientation="vertical">
        {models.map((model) => (
          <Radio key={model} value={model}>
            {t(TEXTS[model].title)}
            <Typography.Text type="secondary" className="sharing-help">
              {" "}
              — {t(TEXTS[model].help)}
            </Typography.Text>
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  );
};
