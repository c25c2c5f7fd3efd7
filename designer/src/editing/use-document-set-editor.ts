import type { DocumentOfKind, MetadataKind } from "@tessera/metadata";
import { ApiError, type ProblemDetail } from "@tessera/runtime";
import { useCallback, useMemo, useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { type DocumentIssues, documentIssues } from "./issues.js";
import { useUndoKeys } from "./use-undo-keys.js";
import { useUndoable } from "./use-undoable.js";
import { useUnsavedGuard } from "./use-unsaved-guard.js";

/** `kind/name`, the key of one document in a set. */
export const documentKey = (kind: string, name: string) => `${kind}/${name}`;

/** One change of one document; a batch of them is one undo step. */
export interface DocumentChange<K extends MetadataKind> {
  kind: K;
  name: string;
  change: (current: DocumentOfKind<K>) => DocumentOfKind<K>;
}

export interface DocumentSetEditor<K extends MetadataKind> {
  /** A document of the set with its unsaved changes (undefined: not in the draft). */
  document<T extends K>(kind: T, name: string): DocumentOfKind<T> | undefined;
  /** Changes one or more documents as one undo step. */
  update(changes: ReadonlyArray<DocumentChange<K>>): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Keys (`kind/name`) of the documents that differ from the draft's copies. */
  dirtyKeys: readonly string[];
  dirty: boolean;
  saving: boolean;
  /** Writes every changed document; resolves false when the engine refused any (see `issuesOf`). */
  save(): Promise<boolean>;
  revert(): void;
  issuesOf(kind: K, name: string): DocumentIssues;
  /** Every refused document's problems, by key. */
  problems: Readonly<Record<string, readonly ProblemDetail[]>>;
  failure: string | undefined;
}

type Edits = Readonly<Record<string, unknown>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Editing many draft documents of the given kinds together (a permission matrix spans every
 * permission set; a role tree every role): one undo history across them, so Ctrl+Z undoes the
 * last change whichever document it touched; save writes each changed document, and the engine's
 * problems are kept per document by JSON pointer. Documents not in the draft are not editable
 * here: create them in the draft first.
 */
export const useDocumentSetEditor = <K extends MetadataKind>(kinds: readonly K[]): DocumentSetEditor<K> => {
  const draft = useDraft();
  const history = useUndoable<Edits>({});
  const [problems, setProblems] = useState<Readonly<Record<string, readonly ProblemDetail[]>>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const kindList = kinds.join(",");

  const stored = useMemo(() => {
    const byKey = new Map<string, unknown>();
    for (const entry of draft.entries) {
      if (kindList.split(",").includes(entry.kind))
        byKey.set(documentKey(entry.kind, entry.name), entry.document);
    }
    return byKey;
  }, [draft.entries, kindList]);

  const edits = history.value;
  const dirtyKeys = useMemo(
    () => Object.keys(edits).filter((key) => stored.has(key) && !same(edits[key], stored.get(key))),
    [edits, stored],
  );
  const dirty = dirtyKeys.length > 0;
  useUndoKeys(history.undo, history.redo);

  useUnsavedGuard(dirty);

  const document = useCallback(
    <T extends K>(kind: T, name: string) => {
      const key = documentKey(kind, name);
      if (!stored.has(key)) return undefined;
      return (key in edits ? edits[key] : stored.get(key)) as DocumentOfKind<T>;
    },
    [edits, stored],
  );

  const { set, reset } = history;
  const update = useCallback(
    (changes: ReadonlyArray<DocumentChange<K>>) =>
      set((current) => {
        const next: Record<string, unknown> = { ...current };
        for (const { kind, name, change } of changes) {
          const key = documentKey(kind, name);
          const base = key in next ? next[key] : stored.get(key);
          if (base !== undefined) next[key] = change(base as DocumentOfKind<K>);
        }
        return next;
      }),
    [set, stored],
  );

  const save = useCallback(async () => {
    setSaving(true);
    setFailure(undefined);
    const found: Record<string, readonly ProblemDetail[]> = {};
    let ok = true;
    try {
      for (const key of dirtyKeys) {
        const [kind, name] = key.split("/") as [K, string];
        try {
          await draft.save(kind, name, edits[key] as DocumentOfKind<K>);
        } catch (error) {
          ok = false;
          if (error instanceof ApiError && error.status === 422 && error.errors.length > 0) {
            found[key] = error.errors;
          } else {
            setFailure(error instanceof ApiError ? error.title : String(error));
            break;
          }
        }
      }
    } finally {
      setProblems(found);
      setSaving(false);
    }
    return ok;
  }, [dirtyKeys, draft, edits]);

  return useMemo(
    () => ({
      document,
      update,
      undo: history.undo,
      redo: history.redo,
      canUndo: history.canUndo,
      canRedo: history.canRedo,
      dirtyKeys,
      dirty,
      saving,
      save,
      revert: () => {
        reset({});
        setProblems({});
      },
      issuesOf: (kind: K, name: string) => documentIssues(problems[documentKey(kind, name)] ?? []),
      problems,
      failure,
    }),
    [document, update, history, dirtyKeys, dirty, saving, save, reset, problems, failure],
  );
};
