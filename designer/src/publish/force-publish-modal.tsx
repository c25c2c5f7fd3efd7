import { Checkbox, Modal, Typography } from "antd";
import { useState } from "react";
import type { Impact } from "../draft/draft-api.js";
import { recordsLosingData } from "./describe-change.js";
import { ImpactTable } from "./impact-table.js";
import { usePublishText } from "./publish-texts.js";

interface Props {
  /** The impact the engine answered with its refusal; the modal is open while it is set. */
  impact: readonly Impact[] | undefined;
  publishing: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * Asks before a publish that loses data: the engine's impact, and a box the admin must tick
 * naming how many records lose data, before "Publish anyway" does anything.
 */
export const ForcePublishModal = ({ impact, publishing, onCancel, onConfirm }: Props) => {
  const t = usePublishText();
  // The tick holds for the refusal it was given for: each new refusal asks afresh.
  const [understoodFor, setUnderstoodFor] = useState<readonly Impact[]>();
  const understood = impact !== undefined && understoodFor === impact;
  const count = recordsLosingData(impact ?? []);
  return (
    <Modal
      open={impact !== undefined}
      title={t("confirm.title")}
      onCancel={onCancel}
      onOk={onConfirm}
      okText={t("confirm.publish")}
      cancelText={t("confirm.cancel")}
      okButtonProps={{ danger: true, disabled: !understood, loading: publishing }}
      width={800}
      destroyOnHidden
    >
      <Typography.Paragraph>{t("confirm.intro")}</Typography.Paragraph>
      <ImpactTable impact={impact ?? []} />
      <Checkbox
        className="publish-understand"
        checked={understood}
        onChange={(e) => setUnderstoodFor(e.target.checked ? impact : undefined)}
      >
        {t("confirm.understand", { count })}
      </Checkbox>
    </Modal>
  );
};
