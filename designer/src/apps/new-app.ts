import { type AppDefinition, type LocalizedText, NAME_REGEX } from "@tessera/metadata";
import { nameFromLabel, uniqueName } from "../editing/name-from-label.js";

/** The API name suggested for a new app's label, not taken by another app. */
export const suggestedAppName = (label: string, taken: ReadonlySet<string>): string =>
  uniqueName(nameFromLabel(label, "app"), taken);

export type AppNameProblem = "invalid" | "taken";

/** Why a new app cannot have this name (before the engine is asked). */
export const appNameProblem = (name: string, taken: ReadonlySet<string>): AppNameProblem | undefined => {
  if (!NAME_REGEX.test(name)) return "invalid";
  return taken.has(name) ? "taken" : undefined;
};

/**
 * A new app as it is first saved: valid at once, with the home page as its only menu item (the
 * metadata needs one), which the admin replaces or adds to in the app editor.
 */
export const newApp = (name: string, label: LocalizedText): AppDefinition => ({
  kind: "app",
  name,
  label,
  navigation: [{ type: "page", page: "home" }],
});
