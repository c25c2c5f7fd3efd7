import type { ListView, LocalizedText, NavigationItem, ObjectDefinition } from "@tessera/metadata";

type Label = (text: LocalizedText | undefined, fallback?: string) => string;

export interface NavigationNames {
  objects: readonly ObjectDefinition[];
  listViews: readonly ListView[];
  label: Label;
  pageLabel: (page: string) => string;
}

/** An object as the runtime's menu names it: its plural label. */
export const objectMenuLabel = (object: ObjectDefinition, label: Label): string =>
  label(object.pluralLabel ?? object.label, object.name);

/** A menu item as the runtime names it; a reference the draft does not have shows its API name. */
export const navigationLabel = (item: NavigationItem, names: NavigationNames): string => {
  switch (item.type) {
    case "object": {
      const object = names.objects.find((o) => o.name === item.object);
      return object === undefined ? item.object : objectMenuLabel(object, names.label);
    }
    case "listView": {
      const view = names.listViews.find((v) => v.name === item.listView);
      return view === undefined ? item.listView : names.label(view.label, view.name);
    }
    case "dashboard":
      return item.dashboard;
    case "page":
      return names.pageLabel(item.page);
  }
};
