import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { RelatedList } from "@tessera/metadata";
import { Typography } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import { RELATED_AREA_ID, relatedId } from "./layout-drag.js";
import { LayoutItemRow } from "./layout-item-row.js";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  lists: readonly RelatedList[];
  labelOf: (list: RelatedList) => string;
  selected: number | undefined;
  issues: DocumentIssues;
  onSelect: (index: number) => void;
  onRemove: (index: number) => void;
}

/** The layout's related lists, in the record page's order: sortable, removable, a drop area for new ones. */
export const RelatedListsArea = ({ lists, labelOf, selected, issues, onSelect, onRemove }: Props) => {
  const t = useLayoutText();
  const { setNodeRef, isOver } = useDroppable({ id: RELATED_AREA_ID });
  return (
    <section className="layout-related" aria-label={t("related.title")}>
      <Typography.Title level={5}>{t("related.title")}</Typography.Title>
      <SortableContext
        id={RELATED_AREA_ID}
        items={lists.map(relatedId)}
        strategy={verticalListSortingStrategy}
      >
        <div ref={setNodeRef} className={`layout-related-area${isOver ? " is-over" : ""}`}>
          {lists.map((list, r) => {
            const name = labelOf(list);
            return (
              <LayoutItemRow
                key={relatedId(list)}
                id={relatedId(list)}
                name={name}
                names={{
                  move: t("related.move", { list: name }),
                  select: t("related.select", { list: name }),
                  remove: t("related.remove", { list: name }),
                }}
                selected={selected === r}
                hasProblem={issues.under(`/relatedLists/${r}`)}
                problem={issues.at(`/relatedLists/${r}/object`) ?? issues.at(`/relatedLists/${r}/field`)}
                onSelect={() => onSelect(r)}
                onRemove={() => onRemove(r)}
              />
            );
          })}
          {lists.length === 0 && <div className="layout-column-empty">{t("related.empty")}</div>}
        </div>
      </SortableContext>
    </section>
  );
};
