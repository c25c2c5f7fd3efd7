import { randomFillSync } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// Random bytes are drawn in blocks: one system call per 256 ids instead of one per id.
const pool = Buffer.alloc(4096);
let offset = pool.length;

const randomBlock = (size: number): Buffer => {
  if (offset + size > pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const block = pool.subarray(offset, offset + size);
  offset += size;
  return block;
};

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
  let tail = "";
  for (const byte of randomBlock(16)) tail += ALPHABET[byte % 32];
  return head + tail;
};
