import type { LocalizedText, PackageManifest } from "@tessera/metadata";

/** A panel widget a layout may show: `reference` is how a section names it, `<package>.<widget>`. */
export interface PanelWidgetChoice {
  reference: string;
  package: string;
  widget: string;
}

/** Every widget of kind `panel` the draft's packages declare, package by package, in manifest order. */
export const panelWidgetChoices = (packages: readonly PackageManifest[]): PanelWidgetChoice[] =>
  packages.flatMap((manifest) =>
    (manifest.widgets ?? [])
      .filter((widget) => widget.kind === "panel")
      .map((widget) => ({
        reference: `${manifest.name}.${widget.name}`,
        package: manifest.name,
        widget: widget.name,
      })),
  );

/**
 * The label the designer gives a new panel section: its widget's name in words (`leadScore` ->
 * `Lead score`). Manifests give widgets no label; the admin adds the Chinese one.
 */
export const panelSectionLabel = (widget: string): LocalizedText => {
  const words = widget
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return { en: words === "" ? widget : `${words.charAt(0).toUpperCase()}${words.slice(1)}` };
};
