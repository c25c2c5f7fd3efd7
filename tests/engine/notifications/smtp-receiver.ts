import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  /** Messages accepted. */
  messages: ReceivedMail[];
  /** Every DATA the server was sent, accepted or refused. */
  attempts: () => number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 (no TLS, no authentication) that keeps what it receives, or
 * refuses every message with `refuse` as the error when one is given.
 */
export const startSmtpReceiver = async (refuse?: string): Promise<SmtpReceiver> => {
  const messages: ReceivedMail[] = [];
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        attempts += 1;
        if (refuse !== undefined) {
          callback(Object.assign(new Error(refuse), { responseCode: 451 }));
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom === false ? "" : mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    messages,
    attempts: () => attempts,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
};
