import { ariaDescribedByIds, type RJSFSchema, type WidgetProps } from "@rjsf/utils";
import { Select, Spin } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { RecordFormContext } from "./form-context.js";
import { type LookupOption, recordOption, searchRecords } from "./lookup-search.js";
import type { FormValues } from "./record-values.js";

const SEARCH_DELAY_MS = 250;

/** Runs the latest search after the user pauses typing; an earlier one still running is aborted. */
const useRecordSearch = (target: string | undefined, recordName: string) => {
  const [results, setResults] = useState<LookupOption[] | undefined>();
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const running = useRef<AbortController | undefined>(undefined);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      running.current?.abort();
    },
    [],
  );
  const search = useCallback(
    (query: string, delay = SEARCH_DELAY_MS) => {
      if (target === undefined) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        running.current?.abort();
        const controller = new AbortController();
        running.current = controller;
        setSearching(true);
        searchRecords(target, recordName, query, controller.signal).then(
          (options) => {
            if (controller.signal.aborted) return;
            setResults(options);
            setSearching(false);
          },
          () => {
            if (controller.signal.aborted) return;
            setResults([]);
            setSearching(false);
          },
        );
      }, delay);
    },
    [target, recordName],
  );
  return { results, searching, search };
};

/**
 * A lookup, master-detail or user field: a searchable select over the referenced object's records
 * that shows their names and keeps the record id as the value.
 */
export const LookupWidget = (props: WidgetProps<FormValues, RJSFSchema, RecordFormContext>) => {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, required, options, registry } = props;
  const context = registry.formContext;
  const target = typeof options.reference === "string" ? options.reference : undefined;
  const recordName = target === undefined ? "name" : context.recordNameOf(target);
  const selected = typeof value === "string" && value !== "" ? value : undefined;
  const [learned, setLearned] = useState<Record<string, string>>({});
  const { results, searching, search } = useRecordSearch(target, recordName);
  const knownName =
    selected === undefined ? undefined : (learned[selected] ?? context.referenceNames[selected]);

  // A value given by id alone (a pre-filled lookup) is shown by name once its record is read.
  useEffect(() => {
    if (selected === undefined || knownName !== undefined || target === undefined) return;
    const controller = new AbortController();
    recordOption(target, recordName, selected, controller.signal).then(
      (option) => setLearned((names) => ({ ...names, [option.value]: option.label })),
      () => {},
    );
    return () => controller.abort();
  }, [selected, knownName, target, recordName]);

  const choices = useMemo(() => {
    const list = results ?? [];
    if (selected === undefined || list.some((option) => option.value === selected)) return list;
    return [{ value: selected, label: knownName ?? selected }, ...list];
  }, [results, selected, knownName]);

  const t = context.t;
  return (
    <Select<string, LookupOption>
      id={id}
      value={selected}
      options={choices}
      showSearch={{ filterOption: false, onSearch: (query) => search(query) }}
      allowClear={!required}
      // Twenty results at most: a plain list, no virtual scrolling to measure.
      virtual={false}
      loading={searching}
      disabled={disabled || readonly}
      placeholder={t("lookup.placeholder")}
      notFoundContent={searching ? <Spin size="small" /> : t("lookup.noMatch")}
      aria-describedby={ariaDescribedByIds(id)}
      style={{ width: "100%" }}
      onOpenChange={(open) => {
        if (open && results === undefined) search("", 0);
      }}
      onChange={(next, option) => {
        if (next !== undefined && option !== undefined && !Array.isArray(option)) {
          setLearned((names) => ({ ...names, [next]: option.label }));
        }
        onChange(next ?? undefined);
      }}
      // antd clears a single select only with the mouse (its clear icon): Backspace or Delete with
      // nothing typed clears it from the keyboard.
      onKeyDown={(event) => {
        const typed = event.target instanceof HTMLInputElement ? event.target.value : "";
        if (required || selected === undefined || typed !== "") return;
        if (event.key === "Backspace" || event.key === "Delete") onChange(undefined);
      }}
      onBlur={() => onBlur(id, selected)}
      onFocus={() => onFocus(id, selected)}
    />
  );
};
