import type { PackageManifest, PluginButton } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Form, Input, Select } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  button: PluginButton;
  /** The button's JSON pointer in the layout, for the engine's problems. */
  at: string;
  packages: readonly PackageManifest[];
  issues: DocumentIssues;
  onChange: (next: PluginButton) => void;
}

/**
 * What a plugin button calls: a package of the draft, the route's path below it, and the question
 * asked first. The path's form is the layout check's to judge: its problem shows on the path.
 */
export const PluginRouteProperties = ({ button, at, packages, issues, onChange }: Props) => {
  const t = useLayoutText();
  const { label } = useLocale();
  const status = (pointer: string) => (issues.under(pointer) ? ("error" as const) : undefined);
  const options = packages.map((manifest) => ({
    value: manifest.name,
    label: `${label(manifest.label, manifest.name)} (${manifest.name})`,
  }));
  // A package the draft does not hold (a bundle's) stays shown as written.
  if (!packages.some((manifest) => manifest.name === button.package)) {
    options.push({ value: button.package, label: button.package });
  }
  const confirmProblem =
    issues.at(`${at}/confirm`) ?? issues.at(`${at}/confirm/en`) ?? issues.at(`${at}/confirm/zh-CN`);
  return (
    <>
      <Form.Item
        label={t("buttons.package")}
        validateStatus={status(`${at}/package`)}
        help={issues.at(`${at}/package`)}
      >
        <Select
          aria-label={t("buttons.package")}
          value={button.package}
          options={options}
          status={status(`${at}/package`)}
          onChange={(name: string) => onChange({ ...button, package: name })}
        />
      </Form.Item>
      <Form.Item
        label={t("buttons.path")}
        validateStatus={status(`${at}/path`)}
        help={issues.at(`${at}/path`) ?? t("buttons.pathHelp")}
      >
        <Input
          aria-label={t("buttons.path")}
          value={button.path}
          placeholder="/leads/{id}/convert"
          spellCheck={false}
          onChange={(e) => onChange({ ...button, path: e.target.value })}
        />
      </Form.Item>
      <Form.Item
        label={t("buttons.confirm")}
        validateStatus={status(`${at}/confirm`)}
        help={confirmProblem ?? t("buttons.confirmHelp")}
      >
        <LocalizedTextInput
          value={button.confirm}
          label={t("buttons.confirm")}
          {...(issues.under(`${at}/confirm`) && { status: "error" as const })}
          onChange={(confirm) => {
            const { confirm: _old, ...rest } = button;
            onChange(
              confirm.en.trim() === "" && confirm["zh-CN"] === undefined ? rest : { ...rest, confirm },
            );
          }}
        />
      </Form.Item>
    </>
  );
};
