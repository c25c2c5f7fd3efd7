import { PlusOutlined } from "@ant-design/icons";
import { Button, Empty, Flex, Input, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import type { ObjectUi } from "../api/types.js";
import { useAllowClear } from "../common/clear-button.js";
import { LoadError, Loading } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { useLocale } from "../i18n/locale-context.js";
import { BulkDeleteButton, DeleteReport } from "./bulk-delete.js";
import { useCursorStack } from "./cursor-stack.js";
import type { DeleteFailure } from "./delete-records.js";
import { FilterBar } from "./filter-bar.js";
import { ListDataActions } from "./list-data-actions.js";
import { ListPager } from "./list-pager.js";
import { type ListQuery, readListQuery, writeListQuery } from "./list-query.js";
import { formatSort, parseSort, toggleSort } from "./list-sort.js";
import { useListText } from "./list-texts.js";
import { loadRecordPage } from "./record-list-request.js";
import { RecordTable } from "./record-table.js";
import { resolveList } from "./resolve-list.js";
import { ViewSelector } from "./view-selector.js";

/**
 * A list of an object's records: a list view or all records, sorted, filtered and searched as the
 * URL says, one page at a time (never more rows than the page size in the DOM).
 */
export const ListScreen = ({ ui }: { ui: ObjectUi }) => {
  const t = useListText();
  const allowClear = useAllowClear();
  const { label } = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = readListQuery(params);
  const object = ui.object.name;
  const list = resolveList(ui, query);
  const change = (next: Partial<ListQuery>) => setParams(writeListQuery({ ...query, ...next }));
  const requestKey = JSON.stringify([object, list.filter, list.scope, list.sort, query.q, list.pageSize]);
  const pages = useCursorStack(requestKey);
  const [selected, setSelected] = useState<string[]>([]);
  const [failures, setFailures] = useState<DeleteFailure[]>([]);
  const records = useAsync(
    (signal) =>
      loadRecordPage(
        {
          object,
          filter: list.filter,
          scope: list.scope,
          sort: list.sort,
          limit: list.pageSize,
          cursor: pages.cursor,
          q: query.q,
          fields: list.fields,
          count: true,
        },
        signal,
      ),
    [requestKey, pages.cursor],
  );
  const page = records.data;
  const rows = page?.records ?? [];
  const selectedRows = rows.filter((r) => selected.includes(r.id));
  const plural = label(ui.object.pluralLabel ?? ui.object.label, object);
  const allLabel = t("list.allRecords", { plural });
  const title = list.view === undefined ? allLabel : label(list.view.label, list.view.name);
  const newRecord = () => navigate(`/o/${encodeURIComponent(object)}/new`);
  const turnPage = (move: () => void) => {
    setSelected([]);
    move();
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Space wrap>
          {/* Issue 9: import, export and duplicates (runtime/src/lists/list-data-actions.tsx). */}
          <ListDataActions ui={ui} list={list} query={query} />
          {ui.permissions.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={newRecord}>
              {t("list.new")}
            </Button>
          )}
        </Space>
      </Flex>
      <Space wrap>
        <ViewSelector
          views={ui.listViews}
          current={list.view?.name}
          allLabel={allLabel}
          onChange={(view) => setParams(writeListQuery({ view, size: query.size }))}
        />
        <Input.Search
          key={query.q ?? ""}
          aria-label={t("list.search")}
          placeholder={t("list.search")}
          defaultValue={query.q}
          allowClear={allowClear}
          onSearch={(q) => change({ q: q.trim() === "" ? undefined : q.trim() })}
          style={{ width: 280 }}
        />
        {ui.permissions.delete && (
          <BulkDeleteButton
            object={object}
            selected={selectedRows}
            onDone={(failed) => {
              setSelected([]);
              setFailures(failed);
              records.reload();
            }}
          />
        )}
      </Space>
      <FilterBar
        key={query.filter ?? ""}
        object={ui.object}
        applied={list.conditions}
        onApply={(filter) => change({ filter: filter === undefined ? undefined : JSON.stringify(filter) })}
      />
      {failures.length > 0 && (
        <DeleteReport failures={failures} recordName={ui.object.recordName} onClose={() => setFailures([])} />
      )}
      {records.error !== undefined ? (
        <LoadError error={records.error} onRetry={records.reload} />
      ) : page === undefined ? (
        <Loading />
      ) : (
        <>
          <RecordTable
            object={object}
            nameField={list.nameField}
            columns={list.columns}
            records={rows}
            loading={records.loading}
            sort={parseSort(list.sort)}
            onSort={(field) => change({ sort: formatSort(toggleSort(parseSort(list.sort), field)) })}
            {...(ui.permissions.delete && {
              selection: { selected: selectedRows.map((r) => r.id), onChange: setSelected },
            })}
            empty={
              <Empty description={t("list.empty")}>
                {ui.permissions.create && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={newRecord}>
                    {t("list.new")}
                  </Button>
                )}
              </Empty>
            }
          />
          <ListPager
            pageIndex={pages.pageIndex}
            pageSize={list.pageSize}
            shown={rows.length}
            total={page.total}
            hasNext={page.nextCursor !== null}
            onPrevious={() => turnPage(pages.previous)}
            onNext={() => turnPage(() => page.nextCursor !== null && pages.next(page.nextCursor))}
            onPageSize={(size) => change({ size })}
          />
        </>
      )}
    </Flex>
  );
};
