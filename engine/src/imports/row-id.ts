import { createHash } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * The id the record of row `row` of an import gets: the import id's time part, then 80 bits of
 * SHA-256(importId:row), a ULID like any record id. The same row always gets the same id, so a row
 * written just before a crash is recognised when the run resumes (the store answers duplicateId)
 * and is counted, never inserted twice.
 */
export const importRowId = (importId: string, row: number): string => {
  const hash = createHash("sha256").update(`${importId}:${row}`).digest();
  let tail = "";
  for (let i = 0; i < 16; i++) tail += ALPHABET[(hash[i] ?? 0) % 32];
  return importId.slice(0, 10) + tail;
};
