import type { JsonObject } from "@tessera/metadata";
import type { DraftDocument } from "../store-port.js";
import type { TenantDatabase } from "./tenant-database.js";

interface DraftRow {
  kind: string;
  name: string;
  document: string;
  updated_at: string;
  updated_by: string;
}

/** Every draft document, by kind then name. */
export const listDraft = (tdb: TenantDatabase): DraftDocument[] =>
  (
    tdb
      .statement(
        "SELECT kind, name, json(document) AS document, updated_at, updated_by FROM drafts ORDER BY kind, name",
      )
      .all() as DraftRow[]
  ).map((row) => ({
    kind: row.kind,
    name: row.name,
    document: JSON.parse(row.document) as JsonObject,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }));

export const putDraft = (tdb: TenantDatabase, doc: DraftDocument): void => {
  tdb
    .statement(
      `INSERT INTO drafts (kind, name, document, updated_at, updated_by) VALUES (?, ?, jsonb(?), ?, ?)
ON CONFLICT (kind, name) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at,
updated_by = excluded.updated_by`,
    )
    .run(doc.kind, doc.name, JSON.stringify(doc.document), doc.updatedAt, doc.updatedBy);
};

export const deleteDraft = (tdb: TenantDatabase, kind: string, name: string): boolean =>
  tdb.statement("DELETE FROM drafts WHERE kind = ? AND name = ?").run(kind, name).changes > 0;
