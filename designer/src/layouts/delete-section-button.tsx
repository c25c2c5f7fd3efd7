import { DeleteOutlined } from "@ant-design/icons";
import { Button, Popconfirm, Tooltip } from "antd";
import { useLayoutText } from "./layouts-texts.js";

/** Deletes a section after confirmation; disabled, with the reason, for the layout's last section. */
export const DeleteSectionButton = ({
  title,
  description,
  canDelete,
  onDelete,
}: {
  /** The section's label, naming the button. */
  title: string;
  description: string;
  canDelete: boolean;
  onDelete: () => void;
}) => {
  const t = useLayoutText();
  return (
    <Tooltip title={canDelete ? undefined : t("section.lastOne")}>
      <Popconfirm
        title={t("section.deleteTitle")}
        description={description}
        onConfirm={onDelete}
        disabled={!canDelete}
      >
        <Button
          danger
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t("section.delete", { section: title })}
          disabled={!canDelete}
        />
      </Popconfirm>
    </Tooltip>
  );
};
