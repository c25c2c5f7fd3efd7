import { PlusOutlined } from "@ant-design/icons";
import type { LocalizedText } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Space, Table, Tag } from "antd";
import { useMemo } from "react";
import { Link, useNavigate } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { uniqueName } from "../editing/name-from-label.js";
import { useObjectsText } from "./objects-texts.js";

interface Row {
  name: string;
  label: LocalizedText;
  isDefault: boolean;
}

interface Props {
  object: string;
  kind: "layout" | "listView";
}

const SEGMENT = { layout: "layouts", listView: "list-views" } as const;
const SUFFIX = { layout: "Layout", listView: "View" } as const;

/**
 * The object's page layouts or list views, each opening its designer; "New" opens the designer
 * on an unused name, which creates the document there.
 */
export const ObjectDocumentsTab = ({ object, kind }: Props) => {
  const t = useObjectsText();
  const { label } = useLocale();
  const draft = useDraft();
  const navigate = useNavigate();
  const { rows, taken } = useMemo(() => {
    const all =
      kind === "layout"
        ? draft
            .ofKind("layout")
            .map((d) => ({ name: d.name, object: d.object, label: d.label, isDefault: d.default === true }))
        : draft
            .ofKind("listView")
            .map((d) => ({ name: d.name, object: d.object, label: d.label, isDefault: false }));
    return {
      rows: all.filter((d) => d.object === object) as Row[],
      taken: new Set(all.map((d) => d.name)),
    };
  }, [draft, kind, object]);
  const base = `/objects/${object}/${SEGMENT[kind]}`;
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Button
        type="primary"
        icon={<PlusOutlined />}
        onClick={() => navigate(`${base}/${uniqueName(`${object}${SUFFIX[kind]}`, taken)}`)}
      >
        {kind === "layout" ? t("layouts.new") : t("listViews.new")}
      </Button>
      <Table<Row>
        rowKey="name"
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: kind === "layout" ? t("layouts.empty") : t("listViews.empty") }}
        columns={[
          {
            key: "label",
            title: t("column.label"),
            render: (_, row) => (
              <Space>
                <Link to={`${base}/${row.name}`}>{label(row.label, row.name)}</Link>
                {row.isDefault && <Tag color="blue">{t("column.default")}</Tag>}
              </Space>
            ),
          },
          { key: "name", title: t("column.name"), render: (_, row) => <code>{row.name}</code> },
        ]}
      />
    </Space>
  );
};
