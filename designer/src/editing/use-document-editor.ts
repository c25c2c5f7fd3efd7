import type { DocumentOfKind, MetadataKind } from "@tessera/metadata";
import { ApiError, type ProblemDetail } from "@tessera/runtime";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useDraft } from "../draft/draft-context.js";
import { type DocumentIssues, documentIssues } from "./issues.js";
import { useUndoKeys } from "./use-undo-keys.js";
import { useUndoable } from "./use-undoable.js";
import { useUnsavedGuard } from "./use-unsaved-guard.js";

export interface DocumentEditor<K extends MetadataKind> {
  kind: K;
  name: string;
  /** The document being edited (undefined: the draft has none and no `initial` was given). */
  value: DocumentOfKind<K> | undefined;
  /** Changes the document; each call is one undo step. */
  update(next: DocumentOfKind<K> | ((current: DocumentOfKind<K>) => DocumentOfKind<K>)): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Whether the document differs from the draft's copy. */
  dirty: boolean;
  /** Whether the document exists in the draft yet. */
  stored: boolean;
  saving: boolean;
  /** Writes the document to the draft; resolves false (with `issues` set) when the engine refuses. */
  save(): Promise<boolean>;
  /** Drops unsaved changes. */
  revert(): void;
  issues: DocumentIssues;
  /** Problems that are not about the document's content (network, permissions). */
  failure: string | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Editing one draft document: an undo/redo history (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y), saving to the
 * draft with the engine's problems kept by JSON pointer for the controls to show, and a guard
 * against leaving with unsaved changes. `initial` starts a document the draft does not have yet.
 */
export const useDocumentEditor = <K extends MetadataKind>(
  kind: K,
  name: string,
  initial?: DocumentOfKind<K>,
): DocumentEditor<K> => {
  const draft = useDraft();
  const stored = draft.find(kind, name);
  const baseline = stored ?? initial;
  const history = useUndoable<DocumentOfKind<K> | undefined>(baseline);
  const [problems, setProblems] = useState<readonly ProblemDetail[]>([]);
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const loadedFor = useRef<string | undefined>(undefined);

  // A different document (or the draft arriving) starts a new history.
  const identity = `${kind}/${name}/${stored === undefined ? "new" : "stored"}`;
  useEffect(() => {
    if (loadedFor.current === identity) return;
    if (loadedFor.current === `${kind}/${name}/new` && stored !== undefined && same(history.value, stored)) {
      // The document was just created by this editor's save: keep the history the admin has.
      loadedFor.current = identity;
      return;
    }
    loadedFor.current = identity;
    history.reset(baseline);
    setProblems([]);
  }, [identity, kind, name, baseline, stored, history]);

  const dirty = history.value !== undefined && !same(history.value, stored);
  useUndoKeys(history.undo, history.redo);

  useUnsavedGuard(dirty);

  const { value, set, reset } = history;
  const save = useCallback(async () => {
    if (value === undefined) return false;
    setSaving(true);
    setFailure(undefined);
    try {
      await draft.save(kind, name, value);
      setProblems([]);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.errors.length > 0) {
        setProblems(error.errors);
      } else {
        setFailure(error instanceof ApiError ? error.title : String(error));
      }
      return false;
    } finally {
      setSaving(false);
    }
  }, [draft, kind, name, value]);

  return useMemo(
    () => ({
      kind,
      name,
      value,
      update: (next) =>
        set((current) =>
          current === undefined ? current : typeof next === "function" ? next(current) : next,
        ),
      undo: history.undo,
      redo: history.redo,
      canUndo: history.canUndo,
      canRedo: history.canRedo,
      dirty,
      stored: stored !== undefined,
      saving,
      save,
      revert: () => reset(stored ?? initial),
      issues: documentIssues(problems),
      failure,
    }),
    [kind, name, value, set, history, dirty, stored, saving, save, reset, initial, problems, failure],
  );
};
