import type { AppDefinition, LocalizedText, NavigationItem } from "@tessera/metadata";

type OptionalKey = "description" | "icon" | "profiles";

/** The app without an optional key: an emptied box leaves the key out rather than storing "". */
const without = (app: AppDefinition, key: OptionalKey): AppDefinition => {
  const next = { ...app };
  delete next[key];
  return next;
};

export const withLabel = (app: AppDefinition, label: LocalizedText): AppDefinition => ({ ...app, label });

/** A description with no text in either language is no description. */
export const withDescription = (app: AppDefinition, description: LocalizedText): AppDefinition =>
  description.en.trim() === "" && (description["zh-CN"] ?? "").trim() === ""
    ? without(app, "description")
    : { ...app, description };

export const withIcon = (app: AppDefinition, icon: string): AppDefinition =>
  icon.trim() === "" ? without(app, "icon") : { ...app, icon: icon.trim() };

/** No profiles chosen means every profile sees the app. */
export const withProfiles = (app: AppDefinition, profiles: readonly string[]): AppDefinition =>
  profiles.length === 0 ? without(app, "profiles") : { ...app, profiles: [...profiles] };

export const withNavigation = (app: AppDefinition, navigation: readonly NavigationItem[]): AppDefinition => ({
  ...app,
  navigation: [...navigation],
});
