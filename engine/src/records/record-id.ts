import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A new record id: 10 characters of millisecond time, then 16 random (80 bits), Crockford base32
 * (a ULID). Ids of new records sort after older ones, which keeps index inserts local.
 */
export const newRecordId = (now: Date = new Date()): string => {
  let time = now.getTime();
  let head = "";
  for (let i = 0; i < 10; i += 1) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let tail = "";
  for (const byte of bytes) tail += ALPHABET[byte % 32];
  return head + tail;
};
