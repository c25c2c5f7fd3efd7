import type { AppDefinition, LocalizedText, NavigationItem } from "@tessera/metadata";
import type { Bootstrap } from "../api/types.js";

export interface NavEntry {
  key: string;
  path: string;
  label: string;
}

type Label = (text: Parameters<typeof import("@tessera/metadata").localize>[0], fallback?: string) => string;

/** The menu entries of an app: objects, list views and pages, in the app's order. */
export const navEntries = (
  app: AppDefinition,
  bootstrap: Bootstrap,
  label: Label,
  pageLabel: (page: string) => string,
): NavEntry[] =>
  app.navigation.flatMap((item: NavigationItem): NavEntry[] => {
    if (item.type === "object") {
      const object = bootstrap.objects.find((o) => o.name === item.object);
      if (object === undefined) return [];
      return [
        {
          key: `object:${object.name}`,
          path: `/o/${object.name}`,
          label: label(object.pluralLabel ?? object.label, object.name),
        },
      ];
    }
    if (item.type === "listView") {
      const view = bootstrap.listViews.find((v) => v.name === item.listView);
      if (view === undefined) return [];
      return [
        {
          key: `listView:${view.name}`,
          path: `/o/${view.object}?view=${encodeURIComponent(view.name)}`,
          label: label(view.label, view.name),
        },
      ];
    }
    if (item.type === "dashboard") {
      // The bootstrap names dashboards only once the engine sends them; the API name until then.
      const dashboard =
        "dashboards" in bootstrap && Array.isArray(bootstrap.dashboards)
          ? (bootstrap.dashboards as Array<{ name: string; label: LocalizedText }>).find(
              (d) => d.name === item.dashboard,
            )
          : undefined;
      return [
        {
          key: `dashboard:${item.dashboard}`,
          path: `/dashboards/${encodeURIComponent(item.dashboard)}`,
          label: label(dashboard?.label, item.dashboard),
        },
      ];
    }
    return [
      {
        key: `page:${item.page}`,
        path: item.page === "home" ? "/" : `/${item.page}`,
        label: pageLabel(item.page),
      },
    ];
  });
