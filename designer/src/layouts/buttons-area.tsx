import { DownOutlined } from "@ant-design/icons";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import type { LayoutButton } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Dropdown, Space, Typography } from "antd";
import type { DocumentIssues } from "../editing/issues.js";
import { buttonId } from "./layout-drag.js";
import { LayoutItemRow } from "./layout-item-row.js";
import type { ButtonAction } from "./layout-lists.js";
import { useLayoutText } from "./layouts-texts.js";

interface Props {
  buttons: readonly LayoutButton[] | undefined;
  /** The actions "Add button" offers. */
  actions: readonly ButtonAction[];
  selected: number | undefined;
  issues: DocumentIssues;
  onDefine: () => void;
  onUseStandard: () => void;
  onAdd: (action: ButtonAction) => void;
  onSelect: (index: number) => void;
  onRemove: (index: number) => void;
}

/** The record page's buttons: the standard ones until the layout defines its own, then a sortable list. */
export const ButtonsArea = ({
  buttons,
  actions,
  selected,
  issues,
  onDefine,
  onUseStandard,
  onAdd,
  onSelect,
  onRemove,
}: Props) => {
  const t = useLayoutText();
  const { label } = useLocale();
  const nameOf = (button: LayoutButton) => label(button.label, t(`action.${button.action}`));
  return (
    <section className="layout-buttons" aria-label={t("buttons.title")}>
      <Typography.Title level={5}>{t("buttons.title")}</Typography.Title>
      {buttons === undefined ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t("buttons.standard")}</Typography.Text>
          <Button onClick={onDefine}>{t("buttons.define")}</Button>
        </Space>
      ) : (
        <>
          <SortableContext
            id="buttons"
            items={buttons.map((b) => buttonId(b.name))}
            strategy={verticalListSortingStrategy}
          >
            {buttons.map((button, b) => {
              const name = nameOf(button);
              return (
                <LayoutItemRow
                  key={buttonId(button.name)}
                  id={buttonId(button.name)}
                  name={name}
                  names={{
                    move: t("buttons.move", { button: name }),
                    select: t("buttons.select", { button: name }),
                    remove: t("buttons.remove", { button: name }),
                  }}
                  selected={selected === b}
                  hasProblem={issues.under(`/buttons/${b}`)}
                  problem={issues.at(`/buttons/${b}/action`)}
                  onSelect={() => onSelect(b)}
                  onRemove={() => onRemove(b)}
                />
              );
            })}
          </SortableContext>
          {buttons.length === 0 && <Typography.Text type="secondary">{t("buttons.none")}</Typography.Text>}
          <Space wrap>
            <Dropdown
              trigger={["click"]}
              menu={{
                items: actions.map((action) => ({ key: action, label: t(`action.${action}`) })),
                onClick: ({ key }) => {
                  const action = actions.find((candidate) => candidate === key);
                  if (action !== undefined) onAdd(action);
                },
              }}
            >
              <Button>
                {t("buttons.add")} <DownOutlined />
              </Button>
            </Dropdown>
            <Button type="link" onClick={onUseStandard}>
              {t("buttons.useStandard")}
            </Button>
          </Space>
        </>
      )}
    </section>
  );
};
