import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SIGNATURE_TOLERANCE_SECONDS = 300;

const MAX_HEADER_LENGTH = 4096;

const hmacHex = (secret: string, timestamp: number, body: string): string =>
  createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");

/**
 * The `tessera-signature` header value: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
 * The timestamp is inside the MAC so a receiver can refuse replays of old deliveries.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  if (secret === "") throw new RangeError("A webhook secret must not be empty.");
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError("A webhook timestamp is a whole, non-negative number of seconds.");
  }
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

export interface SignatureCheckOptions {
  now?: Date;
  toleranceSeconds?: number;
}

/**
 * What a receiver does with a delivery: recompute the HMAC over the raw body exactly as received,
 * compare in constant time, and refuse a timestamp more than `toleranceSeconds` from its own clock
 * (either way), so a captured delivery cannot be replayed later. Several `v1` values are accepted so a
 * sender can sign with an old and a new secret while they rotate. Receivers should also de-duplicate on
 * `tessera-event-id`, because deliveries are retried.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  { now = new Date(), toleranceSeconds = WEBHOOK_SIGNATURE_TOLERANCE_SECONDS }: SignatureCheckOptions = {},
): boolean {
  if (secret === "" || header === undefined) return false;
  const parsed = parseSignatureHeader(header);
  if (parsed === undefined) return false;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (!(Math.abs(nowSeconds - parsed.timestamp) <= toleranceSeconds)) return false;
  const expected = Buffer.from(hmacHex(secret, parsed.timestamp, body), "hex");
  return parsed.signatures.some(
    (signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
  );
}

function parseSignatureHeader(header: string): { timestamp: number; signatures: Buffer[] } | undefined {
  if (header.length > MAX_HEADER_LENGTH) return undefined;
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator < 0) return undefined;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === "t") {
      if (timestamp !== undefined || !/^\d{1,15}$/.test(value)) return undefined;
      timestamp = Number(value);
    } else if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) {
      signatures.push(Buffer.from(value, "hex"));
    }
  }
  return timestamp === undefined || signatures.length === 0 ? undefined : { timestamp, signatures };
}
