import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "../../../engine/src/webhooks/index.js";

const secret = "whsec_3f9a2c";
const timestamp = 1_700_000_000;
const body = '{"event":"record.created","id":"rec_1","name":"Zoë"}';
const at = (seconds: number) => new Date(seconds * 1000);

describe("signing a delivery", () => {
  it("produces t=<seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'>", () => {
    const expected = createHmac("sha256", secret).update(`1700000000.${body}`).digest("hex");
    expect(signWebhook(secret, timestamp, body)).toBe(`t=1700000000,v1=${expected}`);
  });

  it("refuses an empty secret", () => {
    expect(() => signWebhook("", timestamp, body)).toThrow(RangeError);
  });

  it.each([1.5, -1, Number.NaN])("refuses the timestamp %s", (bad) => {
    expect(() => signWebhook(secret, bad, body)).toThrow(RangeError);
  });
});

describe("verifying a delivery as a receiver does", () => {
  const header = signWebhook(secret, timestamp, body);

  it("accepts the body as sent, within the tolerance", () => {
    expect(verifyWebhookSignature(secret, header, body, { now: at(timestamp + 299) })).toBe(true);
  });

  it("rejects a tampered body", () => {
    expect(
      verifyWebhookSignature(secret, header, body.replace("rec_1", "rec_2"), { now: at(timestamp) }),
    ).toBe(false);
  });

  it("rejects another secret", () => {
    expect(verifyWebhookSignature("whsec_other", header, body, { now: at(timestamp) })).toBe(false);
  });

  it("rejects a timestamp older than the tolerance", () => {
    expect(verifyWebhookSignature(secret, header, body, { now: at(timestamp + 301) })).toBe(false);
  });

  it("rejects a timestamp too far in the future", () => {
    expect(verifyWebhookSignature(secret, header, body, { now: at(timestamp - 301) })).toBe(false);
  });

  it("honours a custom tolerance", () => {
    const options = { now: at(timestamp + 30), toleranceSeconds: 10 };
    expect(verifyWebhookSignature(secret, header, body, options)).toBe(false);
  });

  it("rejects a header whose timestamp was moved forward to replay it", () => {
    const replayed = header.replace("t=1700000000", "t=1700000600");
    expect(verifyWebhookSignature(secret, replayed, body, { now: at(timestamp + 600) })).toBe(false);
  });

  it("accepts any matching v1 so secrets can rotate", () => {
    const rotated = `${header},v1=${"0".repeat(64)}`;
    const reordered = `t=1700000000,v1=${"0".repeat(64)},${header.split(",")[1]}`;
    expect(verifyWebhookSignature(secret, rotated, body, { now: at(timestamp) })).toBe(true);
    expect(verifyWebhookSignature(secret, reordered, body, { now: at(timestamp) })).toBe(true);
  });

  it.each([
    undefined,
    "",
    "garbage",
    `v1=${"a".repeat(64)}`,
    `t=abc,v1=${"a".repeat(64)}`,
    "t=1700000000",
    `t=1700000000,t=1700000000,${"v1=".concat("a".repeat(64))}`,
    "t=1700000000,v1=abc",
  ])("rejects the malformed header %s", (bad) => {
    expect(verifyWebhookSignature(secret, bad, body, { now: at(timestamp) })).toBe(false);
  });
});
