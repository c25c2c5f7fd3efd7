import { CloseOutlined } from "@ant-design/icons";
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { RelatedList } from "@tessera/metadata";
import { Button, Typography } from "antd";
import { SortableRow } from "../dnd/sortable-row.js";
import type { DocumentIssues } from "../editing/issues.js";
import { RELATED_AREA_ID, relatedId } from "./layout-drag.js";
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
            const problem = issues.under(`/relatedLists/${r}`);
            return (
              <SortableRow
                key={relatedId(list)}
                id={relatedId(list)}
                handleLabel={t("related.move", { list: name })}
                className={`layout-field${selected === r ? " is-selected" : ""}${problem ? " has-problem" : ""}`}
              >
                <div className="layout-field-body">
                  <button
                    type="button"
                    className="layout-field-name"
                    aria-label={t("related.select", { list: name })}
                    aria-pressed={selected === r}
                    onClick={() => onSelect(r)}
                  >
                    {name}
                  </button>
                  <Button
                    size="small"
                    type="text"
                    icon={<CloseOutlined />}
                    aria-label={t("related.remove", { list: name })}
                    onClick={() => onRemove(r)}
                  />
                </div>
                {(issues.at(`/relatedLists/${r}/object`) ?? issues.at(`/relatedLists/${r}/field`)) !==
                  undefined && (
                  <Typography.Text type="danger" className="layout-problem">
                    {issues.at(`/relatedLists/${r}/object`) ?? issues.at(`/relatedLists/${r}/field`)}
                  </Typography.Text>
                )}
              </SortableRow>
            );
          })}
          {lists.length === 0 && <div className="layout-column-empty">{t("related.empty")}</div>}
        </div>
      </SortableContext>
    </section>
  );
};
