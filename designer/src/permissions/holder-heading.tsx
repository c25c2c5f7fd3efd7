import { CodeOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { Link } from "react-router-dom";
import type { GrantHolder } from "./grant-holder.js";
import { usePermissionsText } from "./permissions-texts.js";

/** A column group's heading: the holder's label, whether it is a profile, and its raw JSON. */
export const HolderHeading = ({ holder, changed }: { holder: GrantHolder; changed: boolean }) => {
  const t = usePermissionsText();
  return (
    <span className="holder-heading">
      <span className="holder-label">
        {holder.label}
        {changed && <span className="holder-changed"> *</span>}
      </span>
      <Tag color={holder.kind === "profile" ? "blue" : "green"}>
        {t(holder.kind === "profile" ? "holder.profile" : "holder.permissionSet")}
      </Tag>
      <Link
        to={`/json/${holder.kind}/${encodeURIComponent(holder.name)}`}
        aria-label={t("holder.json", { holder: holder.label })}
      >
        <CodeOutlined />
      </Link>
    </span>
  );
};
