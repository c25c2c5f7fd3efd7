import { DndContext } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { Layout, ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Checkbox, Form, Result, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { EditorToolbar } from "../editing/editor-toolbar.js";
import { LocalizedTextInput } from "../editing/localized-text-input.js";
import { useDocumentEditor } from "../editing/use-document-editor.js";
import { AddSectionButton } from "./add-section-button.js";
import { ButtonProperties } from "./button-properties.js";
import { ButtonsArea } from "./buttons-area.js";
import { FieldPalette } from "./field-palette.js";
import { paletteField, parseColumnId, relatedId } from "./layout-drag.js";
import {
  addButton,
  defaultButtons,
  newButton,
  offeredButtonActions,
  type RelatedListChoice,
  relatedListChoices,
  removeButton,
  removeRelatedList,
  setButtons,
  unusedRelatedLists,
  updateButton,
  updateRelatedList,
} from "./layout-lists.js";
import {
  addPanelSection,
  addSection,
  clearPanelItems,
  itemPointer,
  moveField,
  newSectionId,
  type PlacedItem,
  placedPointer,
  removeField,
  removeSection,
  setSectionColumns,
  updateConditions,
  updateSection,
} from "./layout-moves.js";
import { LayoutPreviewPane } from "./layout-preview-pane.js";
import { useLayoutText } from "./layouts-texts.js";
import {
  FIRST_SECTION_LABEL,
  mustStayPlaced,
  NEW_SECTION_LABEL,
  newLayout,
  PLACEABLE_SYSTEM_FIELDS,
  unplacedFields,
  unplacedSystemFields,
} from "./new-layout.js";
import { PanelSectionCard } from "./panel-section-card.js";
import { PanelSectionProperties } from "./panel-section-properties.js";
import { type PanelWidgetChoice, panelSectionLabel, panelWidgetChoices } from "./panel-widgets.js";
import { PlacementProperties } from "./placement-properties.js";
import { RelatedListProperties } from "./related-list-properties.js";
import { RelatedListsArea } from "./related-lists-area.js";
import { SectionCard } from "./section-card.js";
import { useFieldLabel, useRelatedListLabel } from "./use-field-label.js";
import { useLayoutDnd } from "./use-layout-dnd.js";
import "./layouts.css";

type Selection =
  | { kind: "field"; field: string }
  | { kind: "related"; index: number }
  | { kind: "button"; index: number }
  /** A panel section, by its sortable key: it stays selected while sections are reordered. */
  | { kind: "section"; key: string };

const LayoutEditor = ({ object, name }: { object: ObjectDefinition; name: string }) => {
  const t = useLayoutText();
  const { label } = useLocale();
  const draft = useDraft();
  const objects = draft.ofKind("object");
  const hasLayout = draft.ofKind("layout").some((l) => l.object === object.name && l.name !== name);
  const hasApprovalProcess = draft.ofKind("approvalProcess").some((p) => p.object === object.name);
  const packages = draft.ofKind("package");
  const widgets = panelWidgetChoices(packages);
  const initial = useMemo(
    () => newLayout(object, name, { sectionLabel: FIRST_SECTION_LABEL, isFirst: !hasLayout }),
    [object, name, hasLayout],
  );
  const editor = useDocumentEditor("layout", name, initial);
  const [selection, setSelection] = useState<Selection>();
  const fieldLabel = useFieldLabel(object);
  const relatedLabel = useRelatedListLabel(objects);
  const layout = editor.value;
  const update = (change: (current: Layout) => Layout) => editor.update(change);
  const mustStay = (field: string) => mustStayPlaced(object, field);
  const sectionTitle = (s: number) => label(layout?.sections[s]?.label, layout?.sections[s]?.id ?? "");

  const describe = (id: string): string => {
    const field = paletteField(id) ?? (id.startsWith("field|") ? id.split("|")[1] : undefined);
    if (field !== undefined) return fieldLabel(field);
    const column = parseColumnId(id);
    if (column !== undefined) {
      return t("drag.columnEnd", {
        column: t("section.column", { column: column.column + 1, section: sectionTitle(column.section) }),
      });
    }
    if (id === "palette") return t("drag.paletteTarget");
    if (id === "related-area") return t("drag.relatedEnd");
    if (id.startsWith("section|")) {
      const s = dnd.keys.indexOf(id);
      return sectionTitle(s);
    }
    if (id.startsWith("related|") || id.startsWith("new-related|")) {
      const [object_, ...rest] = id.slice(id.indexOf("|") + 1).split(".");
      const list = layout?.relatedLists?.find((l) => l.object === object_ && l.field === rest.join("."));
      return relatedLabel(list ?? { object: object_ ?? "", field: rest.join(".") });
    }
    return id.startsWith("button|") ? id.slice("button|".length) : id;
  };
  const dnd = useLayoutDnd({
    layout: layout ?? initial,
    objects,
    update,
    mustStay,
    instructions: t("drag.instructions"),
    announcements: {
      onDragStart: ({ active }) => t("drag.start", { item: describe(String(active.id)) }),
      onDragOver: ({ active, over }) =>
        over === null
          ? undefined
          : t("drag.over", { item: describe(String(active.id)), target: describe(String(over.id)) }),
      onDragEnd: ({ active, over }) =>
        over === null
          ? t("drag.outside", { item: describe(String(active.id)) })
          : t("drag.end", { item: describe(String(active.id)), target: describe(String(over.id)) }),
      onDragCancel: ({ active }) => t("drag.cancel", { item: describe(String(active.id)) }),
    },
  });

  if (layout === undefined) return null;
  const choices = relatedListChoices(objects, object.name);
  const known = new Set([...object.fields.map((f) => f.name), ...PLACEABLE_SYSTEM_FIELDS]);
  const placeholder =
    dnd.dragging !== undefined && paletteField(dnd.dragging) !== undefined
      ? `field|${paletteField(dnd.dragging)}`
      : undefined;
  const rows = {
    label: fieldLabel,
    unknown: (field: string) => !known.has(field),
    mustStay,
    selected: selection?.kind === "field" ? selection.field : undefined,
    placeholder,
    problem: (placed: PlacedItem) => {
      const at = placedPointer(layout, placed.id);
      return at === undefined
        ? undefined
        : (editor.issues.at(`${at}/field`) ?? editor.issues.at(`${at}/column`));
    },
    onSelect: (field: string) => setSelection({ kind: "field", field }),
    onRemove: (field: string) => {
      if (selection?.kind === "field" && selection.field === field) setSelection(undefined);
      update((l) => removeField(l, field));
    },
  };

  const properties = () => {
    if (selection?.kind === "field" && itemPointer(layout, selection.field) !== undefined) {
      return (
        <PlacementProperties
          layout={layout}
          object={object}
          field={selection.field}
          label={fieldLabel(selection.field)}
          sectionTitles={layout.sections.map((_, s) => sectionTitle(s))}
          issues={editor.issues}
          onConditions={(patch) => update((l) => updateConditions(l, selection.field, patch))}
          onMove={(to) => update((l) => moveField(l, selection.field, to))}
        />
      );
    }
    const list = selection?.kind === "related" ? layout.relatedLists?.[selection.index] : undefined;
    if (selection?.kind === "related" && list !== undefined) {
      return (
        <RelatedListProperties
          key={relatedId(list)}
          list={list}
          index={selection.index}
          child={objects.find((o) => o.name === list.object)}
          title={relatedLabel(list)}
          issues={editor.issues}
          onChange={(next) => update((l) => updateRelatedList(l, selection.index, next))}
        />
      );
    }
    const button = selection?.kind === "button" ? layout.buttons?.[selection.index] : undefined;
    if (selection?.kind === "button" && button !== undefined) {
      return (
        <ButtonProperties
          button={button}
          index={selection.index}
          object={object}
          packages={packages}
          title={label(button.label, t(`action.${button.action}`))}
          issues={editor.issues}
          onChange={(next) => update((l) => updateButton(l, selection.index, next))}
        />
      );
    }
    const s = selection?.kind === "section" ? dnd.keys.indexOf(selection.key) : -1;
    const panel = layout.sections[s];
    if (panel?.type === "panel") {
      return (
        <PanelSectionProperties
          key={dnd.keys[s]}
          section={panel}
          index={s}
          title={sectionTitle(s)}
          widgets={widgets}
          issues={editor.issues}
          onChange={(patch) => update((l) => updateSection(l, s, patch))}
        />
      );
    }
    return <Typography.Paragraph type="secondary">{t("props.nothing")}</Typography.Paragraph>;
  };

  const addFieldSection = () => update((l) => addSection(l, NEW_SECTION_LABEL));
  const addPanel = (choice: PanelWidgetChoice) => {
    const key = `section|${newSectionId(layout)}`;
    update((l) => addPanelSection(l, panelSectionLabel(choice.widget), choice.reference));
    // Selected at once: its properties are where the label is translated and the widget changed.
    setSelection({ kind: "section", key });
  };

  return (
    <div className="layout-designer">
      <Typography.Title level={3}>
        {t("layout.title", { layout: label(layout.label, layout.name) })}
      </Typography.Title>
      <Typography.Paragraph>
        <Link to={`/objects/${encodeURIComponent(object.name)}?tab=layouts`}>
          {t("layout.back", { object: label(object.label, object.name) })}
        </Link>
      </Typography.Paragraph>
      <EditorToolbar editor={editor} />
      <Form layout="vertical" component="div" className="layout-settings">
        <Form.Item
          label={t("layout.label")}
          validateStatus={editor.issues.under("/label") ? "error" : undefined}
          help={editor.issues.at("/label") ?? editor.issues.at("/label/en")}
        >
          <LocalizedTextInput
            value={layout.label}
            label={t("layout.label")}
            onChange={(next) => update((l) => ({ ...l, label: next }))}
          />
        </Form.Item>
        <Form.Item
          validateStatus={editor.issues.at("/default") ? "error" : undefined}
          help={editor.issues.at("/default") ?? t("layout.defaultHelp")}
        >
          <Checkbox
            checked={layout.default === true}
            onChange={(e) =>
              update((l) => {
                const { default: _old, ...rest } = l;
                return e.target.checked ? { ...rest, default: true } : rest;
              })
            }
          >
            {t("layout.default")}
          </Checkbox>
        </Form.Item>
      </Form>
      {(editor.issues.at("/sections") ?? editor.issues.at("/object")) !== undefined && (
        <Typography.Paragraph type="danger">
          {editor.issues.at("/sections") ?? editor.issues.at("/object")}
        </Typography.Paragraph>
      )}
      <DndContext {...dnd.context}>
        <div className="layout-panes">
          <FieldPalette
            fields={unplacedFields(object, layout)}
            systemFields={unplacedSystemFields(layout)}
            relatedLists={unusedRelatedLists(layout, choices)}
            anyRelated={choices.length > 0}
            fieldLabel={fieldLabel}
            relatedLabel={(list: RelatedListChoice) => relatedLabel(list)}
          />
          <section className="layout-pane layout-canvas" aria-label={t("canvas.sections")}>
            <SortableContext id="sections" items={dnd.keys} strategy={verticalListSortingStrategy}>
              {layout.sections.map((section, s) =>
                section.type === "panel" ? (
                  <PanelSectionCard
                    key={dnd.keys[s]}
                    sortableId={dnd.keys[s] ?? section.id}
                    index={s}
                    section={section}
                    title={sectionTitle(s)}
                    selected={selection?.kind === "section" && selection.key === dnd.keys[s]}
                    issues={editor.issues}
                    canDelete={layout.sections.length > 1}
                    onSelect={() => setSelection({ kind: "section", key: dnd.keys[s] ?? section.id })}
                    onClearItems={() => update((l) => clearPanelItems(l, s))}
                    onDelete={() => {
                      setSelection(undefined);
                      update((l) => removeSection(l, s));
                    }}
                  />
                ) : (
                  <SectionCard
                    key={dnd.keys[s]}
                    sortableId={dnd.keys[s] ?? section.id}
                    index={s}
                    section={section}
                    title={sectionTitle(s)}
                    columns={dnd.columns[s] ?? []}
                    rows={rows}
                    issues={editor.issues}
                    canDelete={layout.sections.length > 1}
                    onLabel={(next) => update((l) => updateSection(l, s, { label: next }))}
                    onColumns={(count) => update((l) => setSectionColumns(l, s, count))}
                    onCollapsed={(collapsed) => update((l) => updateSection(l, s, { collapsed }))}
                    onDelete={() => {
                      setSelection(undefined);
                      update((l) => removeSection(l, s));
                    }}
                  />
                ),
              )}
            </SortableContext>
            <AddSectionButton widgets={widgets} onAddFields={addFieldSection} onAddPanel={addPanel} />
            <RelatedListsArea
              lists={layout.relatedLists ?? []}
              labelOf={relatedLabel}
              selected={selection?.kind === "related" ? selection.index : undefined}
              issues={editor.issues}
              onSelect={(index) => setSelection({ kind: "related", index })}
              onRemove={(index) => {
                setSelection(undefined);
                update((l) => removeRelatedList(l, index));
              }}
            />
            <ButtonsArea
              buttons={layout.buttons}
              selected={selection?.kind === "button" ? selection.index : undefined}
              issues={editor.issues}
              onDefine={() => update((l) => setButtons(l, defaultButtons(hasApprovalProcess)))}
              onUseStandard={() => {
                setSelection(undefined);
                update((l) => setButtons(l, undefined));
              }}
              actions={offeredButtonActions(packages.length > 0)}
              onAdd={(action) => {
                update((l) => addButton(l, newButton(l, action, packages[0]?.name)));
                setSelection({ kind: "button", index: layout.buttons?.length ?? 0 });
              }}
              onSelect={(index) => setSelection({ kind: "button", index })}
              onRemove={(index) => {
                setSelection(undefined);
                update((l) => removeButton(l, index));
              }}
            />
          </section>
          <section className="layout-pane layout-properties" aria-label={t("props.title")}>
            <Typography.Title level={5}>{t("props.title")}</Typography.Title>
            {properties()}
          </section>
        </div>
      </DndContext>
      <LayoutPreviewPane object={object} layout={layout} objects={objects} />
    </div>
  );
};

/**
 * The layout designer (`/objects/:name/layouts/:layout`): the object's fields dragged into
 * sections and columns, related lists and buttons, per-field rules, and a live preview drawn by
 * the runtime. A layout not in the draft yet starts as a new one of the object.
 */
export const LayoutDesignerPage = () => {
  const { name = "", layout = "" } = useParams();
  const t = useLayoutText();
  const object = useDraft().find("object", name);
  if (object === undefined)
    return <Result status="404" title={t("layout.objectMissing", { object: name })} />;
  return <LayoutEditor key={`${name}/${layout}`} object={object} name={layout} />;
};
