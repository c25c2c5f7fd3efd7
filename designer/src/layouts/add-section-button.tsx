import { DownOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useLayoutText } from "./layouts-texts.js";
import type { PanelWidgetChoice } from "./panel-widgets.js";

interface Props {
  /** The panel widgets of the draft's packages; without any, only field sections can be added. */
  widgets: readonly PanelWidgetChoice[];
  onAddFields: () => void;
  onAddPanel: (choice: PanelWidgetChoice) => void;
}

const FIELD_SECTION = "fields";
const PANEL_PREFIX = "panel|";

/** "Add section": a section of fields, or (with packages' panel widgets) a panel section showing one. */
export const AddSectionButton = ({ widgets, onAddFields, onAddPanel }: Props) => {
  const t = useLayoutText();
  if (widgets.length === 0) {
    return (
      <Button icon={<PlusOutlined />} onClick={onAddFields}>
        {t("canvas.addSection")}
      </Button>
    );
  }
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: FIELD_SECTION, label: t("canvas.fieldSection") },
          {
            type: "group",
            key: "panels",
            label: t("canvas.panels"),
            children: widgets.map((choice) => ({
              key: `${PANEL_PREFIX}${choice.reference}`,
              label: t("canvas.panelSection", { widget: choice.reference }),
            })),
          },
        ],
        onClick: ({ key }) => {
          const choice = widgets.find((candidate) => `${PANEL_PREFIX}${candidate.reference}` === key);
          if (choice !== undefined) onAddPanel(choice);
          else if (key === FIELD_SECTION) onAddFields();
        },
      }}
    >
      <Button icon={<PlusOutlined />}>
        {t("canvas.addSection")} <DownOutlined />
      </Button>
    </Dropdown>
  );
};
