import { Card, Empty, Flex, Input, Typography } from "antd";
import { Link, useSearchParams } from "react-router-dom";
import { useAllowClear } from "../common/clear-button.js";
import { LoadError, Loading } from "../common/page-state.js";
import { useAsync } from "../data/use-async.js";
import { useLocale } from "../i18n/locale-context.js";
import { recordTitle } from "../lists/record-title.js";
import { useBootstrap } from "../session/session-context.js";
import { type SearchGroup, searchRecords } from "./search-records.js";
import { useSearchText } from "./search-texts.js";

const SearchResults = ({ groups, q }: { groups: readonly SearchGroup[]; q: string }) => {
  const t = useSearchText();
  const { label } = useLocale();
  if (groups.length === 0) return <Empty description={t("search.none", { q })} />;
  return (
    <Flex vertical gap={16}>
      {groups.map(({ object, records, more }) => {
        const plural = label(object.pluralLabel ?? object.label, object.name);
        const path = `/o/${encodeURIComponent(object.name)}`;
        return (
          <Card
            key={object.name}
            size="small"
            title={
              <Typography.Title level={3} style={{ margin: 0, fontSize: 16 }}>
                {plural}
              </Typography.Title>
            }
          >
            <ul style={{ margin: "0 0 8px", paddingInlineStart: 20, lineHeight: 1.9 }}>
              {records.map((record) => (
                <li key={record.id}>
                  <Link to={`${path}/${encodeURIComponent(record.id)}`}>
                    {recordTitle(record, object.recordName)}
                  </Link>
                </li>
              ))}
            </ul>
            {more && <Link to={`${path}?q=${encodeURIComponent(q)}`}>{t("search.more", { plural })}</Link>}
          </Card>
        );
      })}
    </Flex>
  );
};

/** /search?q= — records of every object the user can read that match, grouped by object. */
export const SearchPage = () => {
  const t = useSearchText();
  const allowClear = useAllowClear();
  const bootstrap = useBootstrap();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const results = useAsync(
    (signal) => (q === "" ? Promise.resolve([]) : searchRecords(bootstrap.objects, q, signal)),
    [q, bootstrap.version],
  );
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {q === "" ? t("search.title") : t("search.resultsFor", { q })}
      </Typography.Title>
      <Input.Search
        key={q}
        aria-label={t("search.box")}
        placeholder={t("search.box")}
        defaultValue={q}
        allowClear={allowClear}
        onSearch={(next) => next.trim() !== "" && setParams({ q: next.trim() })}
        style={{ maxWidth: 480 }}
      />
      {q === "" ? (
        <Typography.Text type="secondary">{t("search.prompt")}</Typography.Text>
      ) : results.error !== undefined ? (
        <LoadError error={results.error} onRetry={results.reload} />
      ) : results.loading || results.data === undefined ? (
        <Loading />
      ) : (
        <SearchResults groups={results.data} q={q} />
      )}
    </Flex>
  );
};
