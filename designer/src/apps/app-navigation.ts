import { APP_PAGES, type AppPage, type NavigationItem } from "@tessera/metadata";
import { moveItem } from "../dnd/move-item.js";

/** The metadata's limit on an app's menu. */
export const MAX_NAVIGATION_ITEMS = 50;

/** What a menu item points to, the engine's identity for duplicates: `object:deal`, `page:home`. */
export const navigationKey = (item: NavigationItem): string => {
  switch (item.type) {
    case "object":
      return `object:${item.object}`;
    case "listView":
      return `listView:${item.listView}`;
    case "dashboard":
      return `dashboard:${item.dashboard}`;
    case "page":
      return `page:${item.page}`;
  }
};

/** Drag ids, one per position: the key, with `#2`... for a duplicate the engine would refuse. */
export const navigationIds = (items: readonly NavigationItem[]): string[] => {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = navigationKey(item);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}#${count}`;
  });
};

const contains = (items: readonly NavigationItem[], item: NavigationItem) =>
  items.some((other) => navigationKey(other) === navigationKey(item));

/** `item` at the end of the menu; one already there, or a menu at its limit, is left as it was. */
export const addNavigationItem = (
  items: readonly NavigationItem[],
  item: NavigationItem,
): NavigationItem[] =>
  contains(items, item) || items.length >= MAX_NAVIGATION_ITEMS ? [...items] : [...items, item];

/** Without the item at `index`; the last one stays, since an app's menu has at least one item. */
export const removeNavigationItem = (items: readonly NavigationItem[], index: number): NavigationItem[] =>
  items.length <= 1 || index < 0 || index >= items.length ? [...items] : items.filter((_, i) => i !== index);

/** The menu after a drag: `active` takes the place of `over`; unknown ids change nothing. */
export const navigationAfterDrop = (
  items: readonly NavigationItem[],
  active: string,
  over: string | undefined,
): NavigationItem[] => {
  const ids = navigationIds(items);
  return over === undefined ? [...items] : moveItem(items, ids.indexOf(active), ids.indexOf(over));
};

/** Objects that could still be added, in the order given. */
export const objectsToAdd = (items: readonly NavigationItem[], objects: readonly string[]): string[] =>
  objects.filter((object) => !contains(items, { type: "object", object }));

export const listViewsToAdd = (items: readonly NavigationItem[], listViews: readonly string[]): string[] =>
  listViews.filter((listView) => !contains(items, { type: "listView", listView }));

export const pagesToAdd = (items: readonly NavigationItem[]): AppPage[] =>
  APP_PAGES.filter((page) => !contains(items, { type: "page", page }));
