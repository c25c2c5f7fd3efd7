import { Input, Select } from "antd";
import { useEffect, useRef, useState } from "react";
import type { RecordData } from "../api/types.js";
import { useBootstrap } from "../session/session-context.js";
import { useListText } from "./list-texts.js";
import { loadRecordPage } from "./record-list-request.js";
import { recordTitle } from "./record-title.js";

const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 10;

interface RecordSelectProps {
  /** The object the chosen records belong to. */
  object: string;
  value: readonly string[];
  multiple: boolean;
  onChange: (ids: string[]) => void;
  label: string;
}

/**
 * Picks records of an object by name, searching the records API as the user types. Records of an
 * object the user may not read cannot be searched: their id is typed instead.
 */
export const RecordSelect = ({ object, value, multiple, onChange, label }: RecordSelectProps) => {
  const t = useListText();
  const target = useBootstrap().objects.find((o) => o.name === object);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [found, setFound] = useState<string[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = useRef<AbortController | undefined>(undefined);
  const recordName = target?.recordName;

  const remember = (records: readonly RecordData[]) => {
    if (recordName === undefined) return;
    setNames(
      (known) =>
        new Map([...known, ...records.map((r): [string, string] => [r.id, recordTitle(r, recordName)])]),
    );
  };

  const unnamed = value.filter((id) => !names.has(id)).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: names are fetched once per unnamed set
  useEffect(() => {
    if (unnamed === "" || target === undefined) return;
    const controller = new AbortController();
    const ids = unnamed.split(",");
    loadRecordPage(
      { object, filter: { in: [{ var: "id" }, ids] }, limit: ids.length },
      controller.signal,
    ).then(
      (page) => remember(page.records),
      () => {},
    );
    return () => controller.abort();
  }, [unnamed, object, target]);

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      search.current?.abort();
    },
    [],
  );

  if (target === undefined) {
    return (
      <Input
        aria-label={label}
        value={value.join(",")}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(",")
              .map((id) => id.trim())
              .filter((id) => id !== ""),
          )
        }
        style={{ minWidth: 200 }}
      />
    );
  }

  const onSearch = (text: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      search.current?.abort();
      const controller = new AbortController();
      search.current = controller;
      setSearching(true);
      loadRecordPage({ object, q: text, limit: SEARCH_LIMIT }, controller.signal)
        .then(
          (page) => {
            remember(page.records);
            setFound(page.records.map((r) => r.id));
          },
          () => {},
        )
        .finally(() => !controller.signal.aborted && setSearching(false));
    }, SEARCH_DELAY_MS);
  };

  const ids = [...new Set([...value, ...found])];
  return (
    <Select<string | string[]>
      aria-label={label}
      mode={multiple ? "multiple" : undefined}
      value={multiple ? [...value] : value[0]}
      placeholder={t("filter.searchRecords")}
      showSearch={{ filterOption: false, onSearch }}
      onOpenChange={(open) => open && found.length === 0 && onSearch("")}
      loading={searching}
      options={ids.map((id) => ({ value: id, label: names.get(id) ?? id }))}
      onChange={(next) => onChange(next === undefined ? [] : Array.isArray(next) ? next : [next])}
      allowClear
      style={{ minWidth: 220 }}
    />
  );
};
