import type { LocalizedText } from "@tessera/metadata";
import { Input, Space } from "antd";

interface Props {
  value: LocalizedText | undefined;
  onChange: (next: LocalizedText) => void;
  /** Accessible name of the English box; the Chinese one adds "(中文)". */
  label: string;
  id?: string;
  status?: "error";
}

/** A label or help text in both shipped languages: English (required by the metadata) and 简体中文. */
export const LocalizedTextInput = ({ value, onChange, label, id, status }: Props) => {
  const en = value?.en ?? "";
  const zh = value?.["zh-CN"] ?? "";
  const change = (nextEn: string, nextZh: string) =>
    onChange(nextZh.trim() === "" ? { en: nextEn } : { en: nextEn, "zh-CN": nextZh });
  return (
    <Space.Compact block>
      <Input
        id={id}
        aria-label={label}
        addonBefore="EN"
        value={en}
        status={status}
        onChange={(e) => change(e.target.value, zh)}
      />
      <Input
        aria-label={`${label} (中文)`}
        addonBefore="中文"
        value={zh}
        onChange={(e) => change(en, e.target.value)}
      />
    </Space.Compact>
  );
};
