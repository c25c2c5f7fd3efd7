import { DeleteOutlined } from "@ant-design/icons";
import { Button, Typography } from "antd";

/** The small red bin that takes a row out of a list, named "Remove <row>" for assistive technology. */
export const RemoveRowButton = ({
  label,
  disabled,
  onClick,
}: {
  /** The accessible name. */
  label: string;
  disabled?: boolean;
  onClick: () => void;
}) => (
  <Button
    size="small"
    type="text"
    danger
    icon={<DeleteOutlined />}
    aria-label={label}
    disabled={disabled}
    onClick={onClick}
  />
);

/** The engine's problem with a row or a list, announced as it appears; nothing when there is none. */
export const ProblemText = ({ problem }: { problem: string | undefined }) =>
  problem === undefined ? null : (
    <Typography.Text type="danger" role="alert">
      {problem}
    </Typography.Text>
  );
