import type { JsonObject } from "@tessera/metadata";
import { checkedLimit } from "../list-limit.js";
import type { EmailQuery, OutboxEmail } from "../work-types.js";
import type { TenantDatabase } from "./tenant-database.js";

/** The delivery state has columns (it changes); `message` is the rest of the e-mail as JSON. */
interface EmailRow {
  id: string;
  status: OutboxEmail["status"];
  attempts: number;
  last_error: string | null;
  sent_at: string | null;
  message: string;
}

type EmailMessage = Pick<OutboxEmail, "at" | "to" | "subject" | "html" | "text"> & { source?: JsonObject };

const COLUMNS = "id, status, attempts, last_error, sent_at, message";

const emailOf = (row: EmailRow): OutboxEmail => ({
  id: row.id,
  ...(JSON.parse(row.message) as EmailMessage),
  status: row.status,
  attempts: row.attempts,
  ...(row.last_error !== null && { lastError: row.last_error }),
  ...(row.sent_at !== null && { sentAt: row.sent_at }),
});

export const addEmails = (tdb: TenantDatabase, emails: readonly OutboxEmail[]): void => {
  const insert = tdb.statement(
    `INSERT INTO outbox_emails (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  tdb.write(() => {
    for (const email of emails) {
      const message: EmailMessage = {
        at: email.at,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        ...(email.source !== undefined && { source: email.source }),
      };
      insert.run(
        email.id,
        email.status,
        email.attempts,
        email.lastError ?? null,
        email.sentAt ?? null,
        JSON.stringify(message),
      );
    }
  });
};

export const getEmail = (tdb: TenantDatabase, id: string): OutboxEmail | undefined => {
  const row = tdb.statement(`SELECT ${COLUMNS} FROM outbox_emails WHERE id = ?`).get(id) as
    | EmailRow
    | undefined;
  return row === undefined ? undefined : emailOf(row);
};

export const listEmails = (tdb: TenantDatabase, query: EmailQuery): OutboxEmail[] => {
  const conditions: string[] = [];
  const parameters: Array<string | number> = [];
  if (query.status !== undefined) {
    conditions.push("status = ?");
    parameters.push(query.status);
  }
  if (query.before !== undefined) {
    conditions.push("id < ?");
    parameters.push(query.before);
  }
  const where = conditions.length === 0 ? "" : `WHERE ${conditions.join(" AND ")} `;
  const rows = tdb
    .statement(`SELECT ${COLUMNS} FROM outbox_emails ${where}ORDER BY id DESC LIMIT ?`)
    .all(...parameters, checkedLimit(query.limit, "E-mail")) as EmailRow[];
  return rows.map(emailOf);
};

/** The whole delivery state is replaced: an absent `lastError` or `sentAt` is cleared. */
export const updateEmail = (
  tdb: TenantDatabase,
  id: string,
  state: Pick<OutboxEmail, "status" | "attempts"> & { lastError?: string; sentAt?: string },
): boolean =>
  tdb
    .statement("UPDATE outbox_emails SET status = ?, attempts = ?, last_error = ?, sent_at = ? WHERE id = ?")
    .run(state.status, state.attempts, state.lastError ?? null, state.sentAt ?? null, id).changes === 1;
