import type { JsonObject, LocalizedText, ObjectDefinition } from "@tessera/metadata";
import { get, useLocale } from "@tessera/runtime";
import { Alert, Button, Table, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { readVersion, type VersionDetail, type VersionSummary } from "../draft/draft-api.js";
import { ChangeList } from "./change-list.js";
import { DocumentDiffView } from "./document-diff-view.js";
import { diffDocuments } from "./json-diff.js";
import { usePublishText } from "./publish-texts.js";

interface Selected {
  detail: VersionDetail;
  previous: readonly JsonObject[];
}

const reason = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** Names of the users who published, read once each; an id stays as it is when it cannot be read. */
const usePublisherNames = (ids: readonly string[]): ReadonlyMap<string, string> => {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(ids)].sort().join(" ");
  useEffect(() => {
    let live = true;
    const unique = key === "" ? [] : key.split(" ");
    void Promise.all(
      unique.map(async (id) => {
        try {
          const user = await get<{ name?: unknown }>(`/api/v1/records/user/${encodeURIComponent(id)}`);
          return typeof user.name === "string" ? ([id, user.name] as const) : undefined;
        } catch {
          return undefined;
        }
      }),
    ).then((found) => {
      if (live) setNames(new Map(found.filter((f) => f !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
};

/** The label of a field as one of these document sets had it, the newest first. */
const fieldLabelIn =
  (sets: ReadonlyArray<readonly JsonObject[]>, label: (text: LocalizedText, fallback: string) => string) =>
  (object: string, field: string): string => {
    for (const documents of sets) {
      const doc = documents.find((d) => d.kind === "object" && d.name === object) as
        | ObjectDefinition
        | undefined;
      const found = doc?.fields.find((f) => f.name === field);
      if (found !== undefined) return label(found.label, field);
    }
    return field;
  };

/** Published versions, newest first; one selected shows its change list and a diff per document. */
export const VersionHistory = ({ versions }: { versions: readonly VersionSummary[] }) => {
  const t = usePublishText();
  const { locale, label } = useLocale();
  const names = usePublisherNames(versions.map((v) => v.publishedBy));
  const [selected, setSelected] = useState<Selected>();
  const [loading, setLoading] = useState<number>();
  const [failure, setFailure] = useState<string>();
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }),
    [locale],
  );

  const show = async (version: number) => {
    setLoading(version);
    setFailure(undefined);
    try {
      const hasPrevious = versions.some((v) => v.version === version - 1);
      const [detail, previous] = await Promise.all([
        readVersion(version),
        hasPrevious ? readVersion(version - 1) : undefined,
      ]);
      setSelected({ detail, previous: previous?.documents ?? [] });
    } catch (error) {
      setFailure(t("history.loadFailed", { reason: reason(error) }));
    } finally {
      setLoading(undefined);
    }
  };

  const diffs = useMemo(
    () => (selected === undefined ? [] : diffDocuments(selected.previous, selected.detail.documents)),
    [selected],
  );

  if (versions.length === 0) return <Typography.Paragraph>{t("history.none")}</Typography.Paragraph>;
  return (
    <>
      <Table<VersionSummary>
        size="small"
        rowKey="version"
        dataSource={[...versions]}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowClassName={(v) => (v.version === selected?.detail.version ? "publish-selected-version" : "")}
        columns={[
          {
            title: t("history.version"),
            dataIndex: "version",
            render: (version: number) => (
              <Button
                type="link"
                aria-label={t("history.show", { version })}
                loading={loading === version}
                onClick={() => void show(version)}
              >
                {version}
              </Button>
            ),
          },
          {
            title: t("history.when"),
            dataIndex: "publishedAt",
            render: (at: string) => when.format(new Date(at)),
          },
          {
            title: t("history.who"),
            dataIndex: "publishedBy",
            render: (id: string) => names.get(id) ?? id,
          },
        ]}
      />
      {failure !== undefined && <Alert type="error" showIcon title={failure} />}
      {selected !== undefined && (
        <section
          aria-label={t("history.detail", { version: selected.detail.version })}
          className="publish-version"
        >
          <Typography.Title level={4}>
            {t("history.detail", { version: selected.detail.version })}
          </Typography.Title>
          <Typography.Title level={5}>{t("history.changes")}</Typography.Title>
          {selected.previous.length === 0 && (
            <Typography.Paragraph>{t("history.first")}</Typography.Paragraph>
          )}
          <ChangeList
            changes={selected.detail.changes}
            fieldLabel={fieldLabelIn([selected.detail.documents, selected.previous], label)}
          />
          <Typography.Title level={5}>{t("history.diff")}</Typography.Title>
          <DocumentDiffView diffs={diffs} />
        </section>
      )}
    </>
  );
};
