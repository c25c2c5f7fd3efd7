import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Table, Typography } from "antd";
import { Link, useNavigate } from "react-router-dom";
import type { RecordData } from "../api/types.js";
import { LoadError, Loading } from "../common/page-state.js";
import { useObjectUi } from "../data/object-ui.js";
import { useAsync } from "../data/use-async.js";
import { FieldValue } from "../format/field-value.js";
import { useLocale } from "../i18n/locale-context.js";
import { useBootstrap } from "../session/session-context.js";
import { displayValue } from "./display-value.js";
import { loadChildren } from "./record-api.js";
import { usePlacedLabel } from "./record-sections.js";
import { useRecordText } from "./record-text.js";
import { type RelatedListPlan, relatedColumns } from "./related-list-plan.js";
import { useRecordUserNames } from "./use-user-names.js";

/**
 * One related list: the first children of the record with a count, each linking to its record,
 * and "New" (when the user may create the child) opening the form with the parent filled in.
 */
export const RelatedListCard = ({ plan, parentId }: { plan: RelatedListPlan; parentId: string }) => {
  const t = useRecordText();
  const { t: common, label } = useLocale();
  const navigate = useNavigate();
  const placedLabel = usePlacedLabel();
  const child = useObjectUi(plan.object);
  const summary = useBootstrap().objects.find((o) => o.name === plan.object);
  const page = useAsync(
    (signal) =>
      loadChildren(
        {
          child: plan.object,
          field: plan.field,
          parentId,
          ...(plan.sort !== undefined && { sort: plan.sort }),
        },
        signal,
      ),
    [plan.object, plan.field, parentId, JSON.stringify(plan.sort ?? null)],
  );
  const listLabel = label(plan.title ?? plan.label, plan.object);
  const title = plan.ambiguous ? `${listLabel} · ${label(plan.fieldLabel, plan.field)}` : listLabel;
  const records = page.data?.records ?? [];
  const userNames = useRecordUserNames(records, plan.columns ?? []);
  const total = page.data?.total;
  const objectLabel = label(summary?.label, plan.object);
  const body = () => {
    if (child.error !== undefined) return <LoadError error={child.error} onRetry={child.reload} />;
    if (page.error !== undefined) return <LoadError error={page.error} onRetry={page.reload} />;
    if (child.data === undefined) return <Loading />;
    const columns = relatedColumns(child.data.object, plan);
    const linkColumn = Math.max(
      0,
      columns.findIndex((c) => c.field.name === child.data?.object.recordName),
    );
    return (
      <>
        <Table<RecordData>
          size="small"
          rowKey="id"
          loading={page.loading}
          dataSource={records}
          pagination={false}
          locale={{ emptyText: t("related.empty") }}
          scroll={{ x: "max-content" }}
          columns={columns.map((placed, c) => ({
            key: placed.field.name,
            title: placedLabel(placed),
            render: (_: unknown, record: RecordData) => {
              const value = (
                <FieldValue
                  field={placed.field}
                  value={displayValue(placed, record[placed.field.name], record, userNames)}
                />
              );
              return c === linkColumn ? (
                <Link to={`/o/${encodeURIComponent(plan.object)}/${encodeURIComponent(record.id)}`}>
                  {value}
                </Link>
              ) : (
                value
              );
            },
          }))}
        />
        {total !== undefined && total > records.length && (
          <Typography.Text type="secondary">
            {t("related.shown", { shown: records.length, total })}
          </Typography.Text>
        )}
      </>
    );
  };
  return (
    <Card
      size="small"
      title={total === undefined ? title : `${title} (${total})`}
      extra={
        summary?.permissions.create === true && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            aria-label={t("related.new", { object: objectLabel })}
            onClick={() =>
              navigate(
                `/o/${encodeURIComponent(plan.object)}/new?${new URLSearchParams({ [plan.field]: parentId })}`,
              )
            }
          >
            {common("common.new")}
          </Button>
        )
      }
    >
      {body()}
    </Card>
  );
};
