import type { DocumentOfKind, JsonObject, MetadataKind } from "@tessera/metadata";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { type DraftEntry, deleteDraftDocument, loadDraft, saveDraftDocument } from "./draft-api.js";

export interface DraftState {
  loading: boolean;
  /** Set when the draft could not be read. */
  error: unknown;
  entries: readonly DraftEntry[];
  /** Every draft document of one kind, by name. */
  ofKind<K extends MetadataKind>(kind: K): Array<DocumentOfKind<K>>;
  find<K extends MetadataKind>(kind: K, name: string): DocumentOfKind<K> | undefined;
  /** Writes one document (the engine validates it; a 422 ApiError leaves the draft as it was). */
  save<K extends MetadataKind>(kind: K, name: string, document: DocumentOfKind<K>): Promise<void>;
  remove(kind: MetadataKind, name: string): Promise<void>;
  reload(): Promise<void>;
}

const DraftContext = createContext<DraftState | undefined>(undefined);

const byName = (a: DraftEntry, b: DraftEntry) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);

/** Holds the tenant's draft for every editor: read once, then updated by each save. */
export const DraftProvider = ({ children }: { children: ReactNode }) => {
  const [entries, setEntries] = useState<readonly DraftEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();

  const reload = useCallback(async () => {
    try {
      setEntries((await loadDraft()).sort(byName));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<DraftState>(() => {
    const find = <K extends MetadataKind>(kind: K, name: string) =>
      entries.find((e) => e.kind === kind && e.name === name)?.document as DocumentOfKind<K> | undefined;
    return {
      loading,
      error,
      entries,
      ofKind: <K extends MetadataKind>(kind: K) =>
        entries.filter((e) => e.kind === kind).map((e) => e.document as DocumentOfKind<K>),
      find,
      async save(kind, name, document) {
        const written = await saveDraftDocument(kind, name, document as unknown as JsonObject);
        setEntries((current) =>
          [
            ...current.filter((e) => !(e.kind === kind && e.name === name)),
            {
              kind,
              name,
              document: written.document as unknown as DocumentOfKind<typeof kind>,
              updatedAt: new Date().toISOString(),
              updatedBy: "",
            } as DraftEntry,
          ].sort(byName),
        );
      },
      async remove(kind, name) {
        await deleteDraftDocument(kind, name);
        setEntries((current) => current.filter((e) => !(e.kind === kind && e.name === name)));
      },
      reload,
    };
  }, [entries, loading, error, reload]);
  return <DraftContext.Provider value={value}>{children}</DraftContext.Provider>;
};

export const useDraft = (): DraftState => {
  const state = useContext(DraftContext);
  if (state === undefined) throw new Error("useDraft outside DraftProvider");
  return state;
};
