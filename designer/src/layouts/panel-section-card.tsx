import { AppstoreOutlined } from "@ant-design/icons";
import type { LayoutSection } from "@tessera/metadata";
import { Button, Tag, Typography } from "antd";
import { SortableRow } from "../dnd/sortable-row.js";
import type { DocumentIssues } from "../editing/issues.js";
import { DeleteSectionButton } from "./delete-section-button.js";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  sortableId: string;
  index: number;
  section: LayoutSection;
  /** The section's label in the designer's language. */
  title: string;
  selected: boolean;
  issues: DocumentIssues;
  canDelete: boolean;
  onSelect: () => void;
  onClearItems: () => void;
  onDelete: () => void;
}

/**
 * A panel section in the canvas: drag handle, its label (selects it) and widget, delete. A
 * package's widget draws it on the record page, so it has no columns to drop fields in.
 */
export const PanelSectionCard = (props: Props) => {
  const { index, section, title, issues } = props;
  const t = useLayoutText();
  const at = `/sections/${index}`;
  const problems = [
    issues.at(`${at}/widget`),
    issues.at(`${at}/label`) ?? issues.at(`${at}/label/en`) ?? issues.at(`${at}/label/zh-CN`),
    issues.at(`${at}/id`),
  ].filter((message) => message !== undefined);
  return (
    <SortableRow
      id={props.sortableId}
      handleLabel={t("section.move", { section: title })}
      className={`layout-section layout-panel-section${props.selected ? " is-selected" : ""}${
        issues.under(at) ? " has-problem" : ""
      }`}
    >
      <div className="layout-section-head">
        <button
          type="button"
          className="layout-field-name layout-panel-name"
          aria-label={t("panel.select", { section: title })}
          aria-pressed={props.selected}
          onClick={props.onSelect}
        >
          {title}
        </button>
        <Tag icon={<AppstoreOutlined aria-hidden />} className="layout-type-tag">
          {t("panel.tag")}
        </Tag>
        {section.widget === undefined || section.widget === "" ? (
          <Typography.Text type="secondary">{t("panel.noWidget")}</Typography.Text>
        ) : (
          <Typography.Text className="layout-panel-widget">
            {t("panel.widget", { widget: section.widget })}
          </Typography.Text>
        )}
        <DeleteSectionButton
          title={title}
          description={t("panel.deleteText")}
          canDelete={props.canDelete}
          onDelete={props.onDelete}
        />
      </div>
      {problems.map((message) => (
        <Typography.Text key={message} type="danger" className="layout-problem">
          {message}
        </Typography.Text>
      ))}
      {issues.at(`${at}/items`) !== undefined && (
        <Typography.Text type="danger" className="layout-problem">
          {issues.at(`${at}/items`)}
        </Typography.Text>
      )}
      {section.items.length > 0 && (
        // Fields in a panel (the engine refuses them) cannot be dragged out: it shows no columns.
        <Button size="small" onClick={props.onClearItems}>
          {t("panel.clearItems")}
        </Button>
      )}
    </SortableRow>
  );
};
