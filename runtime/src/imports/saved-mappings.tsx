import { App, Button, Flex, Input, Select } from "antd";
import { useState } from "react";
import { useAsync } from "../data/use-async.js";
import { deleteMapping, loadSavedMappings, type SavedMapping, saveMapping } from "./import-api.js";
import { useImportText } from "./import-texts.js";
import type { MappingDraft } from "./mapping-draft.js";
import { settingsOf } from "./mapping-draft.js";
import { problemLines } from "./problem-alert.js";

/** Mappings saved for files of the same shape: load one into the draft, save the draft under a name. */
export const SavedMappings = ({
  object,
  draft,
  onApply,
}: {
  object: string;
  draft: MappingDraft;
  onApply: (saved: SavedMapping) => void;
}) => {
  const t = useImportText();
  const { message } = App.useApp();
  const saved = useAsync((signal) => loadSavedMappings(object, signal), [object]);
  const [chosen, setChosen] = useState<string>();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const mappings = saved.data ?? [];

  const save = async () => {
    const settings = settingsOf(draft);
    setBusy(true);
    try {
      await saveMapping({ name: name.trim(), object, ...settings });
      message.success(t("saved.saved", { name: name.trim() }));
      setChosen(name.trim());
      setName("");
      saved.reload();
    } catch (failure) {
      message.error(problemLines(failure).join(" "));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (mapping: string) => {
    setBusy(true);
    try {
      await deleteMapping(object, mapping);
      message.success(t("saved.deleted", { name: mapping }));
      setChosen(undefined);
      saved.reload();
    } catch (failure) {
      message.error(problemLines(failure).join(" "));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex gap={8} wrap align="center">
      <Select<string>
        aria-label={t("saved.load")}
        placeholder={t("saved.load")}
        value={chosen}
        disabled={mappings.length === 0}
        style={{ minWidth: 220 }}
        onChange={(value) => {
          const mapping = mappings.find((m) => m.name === value);
          setChosen(value);
          if (mapping !== undefined) onApply(mapping);
        }}
        options={mappings.map((m) => ({ value: m.name, label: m.name }))}
      />
      {chosen !== undefined && (
        <Button danger disabled={busy} onClick={() => void remove(chosen)}>
          {t("saved.delete")}
        </Button>
      )}
      <Input
        aria-label={t("saved.name")}
        placeholder={t("saved.name")}
        value={name}
        maxLength={80}
        style={{ width: 220 }}
        onChange={(event) => setName(event.target.value)}
      />
      <Button disabled={busy || name.trim() === ""} onClick={() => void save()}>
        {t("saved.save")}
      </Button>
    </Flex>
  );
};
