import type { DragEndEvent } from "@dnd-kit/core";
import type { AppPage, NavigationItem } from "@tessera/metadata";
import type { ProblemDetail } from "@tessera/runtime";
import { Flex, Select, Tag, Typography } from "antd";
import { SortableList } from "../dnd/sortable-list.js";
import { SortableRow } from "../dnd/sortable-row.js";
import { ProblemText, RemoveRowButton } from "../editing/row-parts.js";
import { messagesAt, messagesUnder } from "../list-views/issues-under.js";
import {
  addNavigationItem,
  listViewsToAdd,
  MAX_NAVIGATION_ITEMS,
  navigationAfterDrop,
  navigationIds,
  objectsToAdd,
  pagesToAdd,
  removeNavigationItem,
} from "./app-navigation.js";
import { useAppText } from "./app-texts.js";
import { type NavigationNames, navigationLabel, objectMenuLabel } from "./navigation-label.js";

interface Props {
  items: readonly NavigationItem[];
  onChange: (next: NavigationItem[]) => void;
  names: NavigationNames;
  /** The engine's problems with the app (pointers into the whole document). */
  problems: readonly ProblemDetail[];
}

const TYPE_KEYS = {
  object: "nav.type.object",
  listView: "nav.type.listView",
  dashboard: "nav.type.dashboard",
  page: "nav.type.page",
} as const;

/** An app's menu: items in order, reordered by drag (pointer or keyboard), added from the draft. */
export const NavigationEditor = ({ items, onChange, names, problems }: Props) => {
  const t = useAppText();
  const ids = navigationIds(items);
  const full = items.length >= MAX_NAVIGATION_ITEMS;
  const listProblem = messagesAt(problems, "/navigation");
  const add = (item: NavigationItem) => onChange(addNavigationItem(items, item));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const next = navigationAfterDrop(items, String(active.id), over === null ? undefined : String(over.id));
    if (next.some((item, i) => item !== items[i])) onChange(next);
  };
  const objects = objectsToAdd(
    items,
    names.objects.map((o) => o.name),
  );
  const views = listViewsToAdd(
    items,
    names.listViews.map((v) => v.name),
  );
  const objectLabel = (name: string) => {
    const object = names.objects.find((o) => o.name === name);
    return object === undefined ? name : objectMenuLabel(object, names.label);
  };
  return (
    <Flex vertical gap={12}>
      <SortableList ids={ids} label={t("nav.items")} className="app-navigation" onDragEnd={onDragEnd}>
        {items.map((item, index) => {
          const label = navigationLabel(item, names);
          const problem = messagesUnder(problems, `/navigation/${index}`);
          const view =
            item.type === "listView" ? names.listViews.find((v) => v.name === item.listView) : undefined;
          return (
            <SortableRow
              key={ids[index]}
              id={ids[index] ?? label}
              handleLabel={t("nav.move", { label })}
              className={problem === undefined ? "" : "app-row-error"}
            >
              <div className="app-row">
                <Tag>{t(TYPE_KEYS[item.type])}</Tag>
                <span className="app-row-label">
                  {label}
                  {view !== undefined && (
                    <Typography.Text type="secondary"> · {objectLabel(view.object)}</Typography.Text>
                  )}
                </span>
                <RemoveRowButton
                  label={t("nav.remove", { label })}
                  disabled={items.length <= 1}
                  onClick={() => onChange(removeNavigationItem(items, index))}
                />
              </div>
              <ProblemText problem={problem} />
            </SortableRow>
          );
        })}
      </SortableList>
      {items.length <= 1 && <Typography.Text type="secondary">{t("nav.lastItem")}</Typography.Text>}
      {full && <Typography.Text type="secondary">{t("nav.limit")}</Typography.Text>}
      <ProblemText problem={listProblem} />
      <Flex gap={8} wrap>
        <Select
          aria-label={t("nav.addObject")}
          placeholder={t("nav.addObject")}
          value={null}
          disabled={full || objects.length === 0}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(object: string | null) => object !== null && add({ type: "object", object })}
          options={objects.map((name) => ({ value: name, label: objectLabel(name) }))}
          style={{ minWidth: 200 }}
        />
        <Select
          aria-label={t("nav.addListView")}
          placeholder={t("nav.addListView")}
          value={null}
          disabled={full || views.length === 0}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(listView: string | null) => listView !== null && add({ type: "listView", listView })}
          options={views.map((name) => {
            const view = names.listViews.find((v) => v.name === name);
            return {
              value: name,
              label:
                view === undefined
                  ? name
                  : t("nav.listViewOf", {
                      view: names.label(view.label, name),
                      object: objectLabel(view.object),
                    }),
            };
          })}
          style={{ minWidth: 240 }}
        />
        <Select
          aria-label={t("nav.addPage")}
          placeholder={t("nav.addPage")}
          value={null}
          disabled={full || pagesToAdd(items).length === 0}
          onChange={(page: AppPage | null) => page !== null && add({ type: "page", page })}
          options={pagesToAdd(items).map((page) => ({ value: page, label: names.pageLabel(page) }))}
          style={{ minWidth: 160 }}
        />
      </Flex>
    </Flex>
  );
};
