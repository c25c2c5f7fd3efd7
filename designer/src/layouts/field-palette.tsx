import { useDraggable, useDroppable } from "@dnd-kit/core";
import { descriptorOf, type FieldDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Empty, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { DragHandle } from "../dnd/drag-handle.js";
import { PALETTE_ID, paletteFieldId, paletteRelatedId } from "./layout-drag.js";
import type { RelatedListChoice } from "./layout-lists.js";
import { useLayoutText } from "./layouts-texts.js";
import type { PlaceableSystemField } from "./new-layout.js";

/** One item of the palette: its drag handle is a button named "Place <label>". */
const PaletteItem = ({ id, name, children }: { id: string; name: string; children: ReactNode }) => {
  const drag = useDraggable({ id });
  const { setNodeRef, isDragging } = drag;
  return (
    <div ref={setNodeRef} className={`layout-palette-item${isDragging ? " is-dragging" : ""}`}>
      <DragHandle drag={drag} label={name} />
      <div className="layout-palette-item-body">{children}</div>
    </div>
  );
};

interface Props {
  fields: readonly FieldDefinition[];
  systemFields: readonly PlaceableSystemField[];
  relatedLists: readonly RelatedListChoice[];
  /** Whether the object has any related list possible at all. */
  anyRelated: boolean;
  fieldLabel: (name: string) => string;
  relatedLabel: (list: RelatedListChoice) => string;
}

/**
 * The left pane: the object's fields not on the layout yet, the placeable system fields and the
 * related lists not shown yet, each dragged into the layout; a placed field dropped back here is
 * taken off the layout.
 */
export const FieldPalette = ({
  fields,
  systemFields,
  relatedLists,
  anyRelated,
  fieldLabel,
  relatedLabel,
}: Props) => {
  const t = useLayoutText();
  const { label } = useLocale();
  const { setNodeRef, isOver } = useDroppable({ id: PALETTE_ID });
  return (
    <section
      ref={setNodeRef}
      className={`layout-pane layout-palette${isOver ? " is-over" : ""}`}
      aria-label={t("palette.title")}
    >
      <Typography.Title level={5}>{t("palette.title")}</Typography.Title>
      <Typography.Paragraph type="secondary" className="layout-hint">
        {t("palette.help")}
      </Typography.Paragraph>
      {fields.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("palette.allPlaced")}</Typography.Paragraph>
      ) : (
        fields.map((field) => (
          <PaletteItem
            key={field.name}
            id={paletteFieldId(field.name)}
            name={t("palette.place", { field: fieldLabel(field.name) })}
          >
            <span>{fieldLabel(field.name)}</span>
            <Tag className="layout-type-tag">{label(descriptorOf(field).label, field.type)}</Tag>
          </PaletteItem>
        ))
      )}
      {systemFields.length > 0 && (
        <>
          <Typography.Text strong className="layout-subtitle">
            {t("palette.system")}
          </Typography.Text>
          {systemFields.map((name) => (
            <PaletteItem
              key={name}
              id={paletteFieldId(name)}
              name={t("palette.place", { field: fieldLabel(name) })}
            >
              <span>{fieldLabel(name)}</span>
            </PaletteItem>
          ))}
        </>
      )}
      <Typography.Paragraph type="secondary" className="layout-hint layout-drop-hint">
        {t("palette.dropToRemove")}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t("palette.related")}</Typography.Title>
      {!anyRelated ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("palette.relatedNone")} />
      ) : relatedLists.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("palette.relatedAllPlaced")}</Typography.Paragraph>
      ) : (
        relatedLists.map((list) => (
          <PaletteItem
            key={`${list.object}.${list.field}`}
            id={paletteRelatedId(list)}
            name={t("palette.placeRelated", { list: relatedLabel(list) })}
          >
            <span>{relatedLabel(list)}</span>
          </PaletteItem>
        ))
      )}
    </section>
  );
};
