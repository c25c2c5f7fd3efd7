import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import type { ObjectDefinition } from "@tessera/metadata";
import { useLocale } from "@tessera/runtime";
import { Button, Input, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { NewObjectModal } from "./new-object-modal.js";
import { useObjectsText } from "./objects-texts.js";
import { useSharingModelTitle } from "./sharing-model-choices.js";
import "./objects.css";

const matches = (object: ObjectDefinition, query: string): boolean => {
  const wanted = query.trim().toLowerCase();
  if (wanted === "") return true;
  return [
    object.name,
    object.label.en,
    object.label["zh-CN"],
    object.pluralLabel.en,
    object.pluralLabel["zh-CN"],
  ].some((text) => text?.toLowerCase().includes(wanted));
};

/** Every object of the draft, searchable, and the way to create a new one. */
export const ObjectsPage = () => {
  const t = useObjectsText();
  const { label } = useLocale();
  const draft = useDraft();
  const sharingTitle = useSharingModelTitle();
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const objects = useMemo(
    () =>
      draft
        .ofKind("object")
        .filter((o) => matches(o, query))
        .sort((a, b) => label(a.label, a.name).localeCompare(label(b.label, b.name))),
    [draft, query, label],
  );
  return (
    <div className="objects-page">
      <Space className="objects-header" wrap>
        <Typography.Title level={3}>{t("list.title")}</Typography.Title>
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          aria-label={t("list.search")}
          placeholder={t("list.search")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          style={{ width: 260 }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("list.new")}
        </Button>
      </Space>
      <Table<ObjectDefinition>
        rowKey="name"
        dataSource={objects}
        pagination={false}
        locale={{ emptyText: t("list.empty") }}
        columns={[
          {
            key: "label",
            title: t("column.label"),
            render: (_, o) => <Link to={`/objects/${o.name}`}>{label(o.label, o.name)}</Link>,
          },
          { key: "name", title: t("column.name"), render: (_, o) => <code>{o.name}</code> },
          { key: "fields", title: t("column.fields"), align: "right", render: (_, o) => o.fields.length },
          { key: "sharing", title: t("column.sharing"), render: (_, o) => sharingTitle(o.sharingModel) },
        ]}
      />
      {creating && <NewObjectModal onClose={() => setCreating(false)} />}
    </div>
  );
};
