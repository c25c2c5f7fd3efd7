import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import {
  deliverWebhook,
  verifyWebhookSignature,
  type WebhookDeliveryRequest,
  type WebhookResolver,
} from "../../../engine/src/webhooks/index.js";
import { closedPort, startReceiver, startTcpRecorder, type WebhookReceiver } from "./webhook-receiver.js";

const secret = "whsec_delivery_test";
const body = '{"event":"record.updated","record":{"id":"rec_42"}}';
const sentAt = new Date("2026-03-01T12:00:00Z");
const LOCAL = ["127.0.0.1"];

const receivers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

const receiver = async (answer: (response: ServerResponse) => void): Promise<WebhookReceiver> => {
  const started = await startReceiver((_request, response) => answer(response));
  receivers.push(started);
  return started;
};

const answering = (status: number, headers: Record<string, string> = {}) =>
  receiver((response) => {
    response.writeHead(status, headers);
    response.end("{}");
  });

const deliveryTo = (url: string, extra: Partial<WebhookDeliveryRequest> = {}): WebhookDeliveryRequest => ({
  url,
  body,
  eventId: "evt_0001",
  secret,
  allowlist: LOCAL,
  now: () => sentAt,
  ...extra,
});

describe("a delivery that reaches the receiver", () => {
  it("POSTs the body with the Tessera headers and a signature the receiver can verify", async () => {
    const target = await answering(204);
    const result = await deliverWebhook(deliveryTo(target.url("/hooks/in?tenant=acme")));

    expect(result).toMatchObject({ ok: true, status: 204 });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(target.requests).toHaveLength(1);
    const [received] = target.requests;
    expect(received?.method).toBe("POST");
    expect(received?.path).toBe("/hooks/in?tenant=acme");
    expect(received?.body).toBe(body);
    expect(received?.headers).toMatchObject({
      "content-type": "application/json",
      "user-agent": "Tessera-Webhooks/1",
      "tessera-event-id": "evt_0001",
      "tessera-timestamp": "1772366400",
    });
    const signature = received?.headers["tessera-signature"];
    expect(signature).toMatch(/^t=1772366400,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, String(signature), received?.body ?? "", { now: sentAt })).toBe(
      true,
    );
  });

  it("connects to the checked address while keeping the host name in the Host header", async () => {
    const target = await answering(200);
    let lookups = 0;
    // A rebinding resolver: the first answer passes the check, later answers point elsewhere.
    const rebinding: WebhookResolver = async () => {
      lookups += 1;
      return [{ address: lookups === 1 ? "127.0.0.1" : "10.255.255.1", family: 4 }];
    };
    const result = await deliverWebhook(
      deliveryTo(`http://hooks.internal.example:${target.port}/in`, {
        allowlist: ["hooks.internal.example"],
        resolve: rebinding,
      }),
    );

    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(lookups).toBe(1);
    expect(target.requests[0]?.headers.host).toBe(`hooks.internal.example:${target.port}`);
  });

  it("sends the host name as TLS server name while connecting to the pinned address", async () => {
    const recorder = await startTcpRecorder();
    receivers.push(recorder);
    const result = await deliverWebhook(
      deliveryTo(`https://hooks.internal.example:${recorder.port}/in`, {
        allowlist: ["hooks.internal.example"],
        resolve: async () => [{ address: "127.0.0.1", family: 4 }],
      }),
    );

    expect(recorder.firstBytes().includes("hooks.internal.example")).toBe(true);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("stops reading a huge response body and still reports the status", async () => {
    const chunk = Buffer.alloc(16 * 1024, "x");
    const target = await receiver((response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) {
          // keep the socket buffer full until the client stops reading
        }
        if (!response.destroyed) response.once("drain", pump);
      };
      pump();
    });
    const result = await deliverWebhook(deliveryTo(target.url(), { timeoutMs: 10_000 }));

    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(result.durationMs).toBeLessThan(2_000);
  });

  it("counts a 2xx whose body never finishes as delivered once the time is up", async () => {
    const target = await receiver((response) => {
      response.writeHead(202);
      response.write("partial");
    });
    const result = await deliverWebhook(deliveryTo(target.url(), { timeoutMs: 300 }));

    expect(result).toMatchObject({ ok: true, status: 202 });
  });
});

describe("how an answer decides a retry", () => {
  it.each([500, 502, 503, 408, 425, 429])("retries after %i", async (status) => {
    const target = await answering(status);
    const result = await deliverWebhook(deliveryTo(target.url()));

    expect(result).toMatchObject({ ok: false, retryable: true, status });
    expect(result.ok || result.error).toContain(String(status));
  });

  it.each([400, 401, 404, 410, 422])("gives up after %i", async (status) => {
    const target = await answering(status);
    expect(await deliverWebhook(deliveryTo(target.url()))).toMatchObject({
      ok: false,
      retryable: false,
      status,
    });
  });

  it("does not follow a redirect and does not retry it", async () => {
    const elsewhere = await answering(200);
    const target = await answering(302, { location: elsewhere.url("/stolen") });
    const result = await deliverWebhook(deliveryTo(target.url()));

    expect(result).toMatchObject({ ok: false, retryable: false, status: 302 });
    expect(result.ok || result.error).toContain("redirects are not followed");
    expect(elsewhere.requests).toHaveLength(0);
    expect(target.requests).toHaveLength(1);
  });

  it("retries a receiver that does not answer in time", async () => {
    const target = await receiver(() => {
      // never answers
    });
    const result = await deliverWebhook(deliveryTo(target.url(), { timeoutMs: 200 }));

    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok || result.error).toContain("timed out after 200 ms");
    expect(result.durationMs).toBeLessThan(1_500);
  });

  it("retries when the connection is refused", async () => {
    const port = await closedPort();
    const result = await deliverWebhook(deliveryTo(`http://127.0.0.1:${port}/in`));

    expect(result).toMatchObject({ ok: false, retryable: true });
    expect(result.ok || result.error).toContain("ECONNREFUSED");
  });

  it("retries when DNS does not answer in time", async () => {
    const result = await deliverWebhook(
      deliveryTo("https://hooks.example.com/in", {
        timeoutMs: 100,
        resolve: () => new Promise(() => undefined),
      }),
    );
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("retries a temporary DNS failure but not an unknown host", async () => {
    const failing =
      (code: string): WebhookResolver =>
      async () => {
        throw Object.assign(new Error(code), { code });
      };
    const url = "https://hooks.example.com/in";
    expect(await deliverWebhook(deliveryTo(url, { resolve: failing("EAI_AGAIN") }))).toMatchObject({
      ok: false,
      retryable: true,
    });
    expect(await deliverWebhook(deliveryTo(url, { resolve: failing("ENOTFOUND") }))).toMatchObject({
      ok: false,
      retryable: false,
    });
  });
});

describe("a refused target", () => {
  it("is never contacted and is not retried", async () => {
    const target = await answering(200);
    const result = await deliverWebhook(deliveryTo(`https://127.0.0.1:${target.port}/in`, { allowlist: [] }));

    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(result.ok || result.error).toContain("loopback");
    expect(target.connections()).toBe(0);
  });

  it("is refused over http when not allow-listed, without a connection", async () => {
    const target = await answering(200);
    const result = await deliverWebhook(deliveryTo(target.url(), { allowlist: [] }));

    expect(result).toMatchObject({ ok: false, retryable: false });
    expect(result.ok || result.error).toContain("must use https");
    expect(target.connections()).toBe(0);
  });

  it("refuses a delivery with no secret or a malformed event id without connecting", async () => {
    const target = await answering(200);
    expect(await deliverWebhook(deliveryTo(target.url(), { secret: "" }))).toMatchObject({
      ok: false,
      retryable: false,
    });
    expect(await deliverWebhook(deliveryTo(target.url(), { eventId: "evt\r\nx-injected: 1" }))).toMatchObject(
      {
        ok: false,
        retryable: false,
      },
    );
    expect(target.connections()).toBe(0);
  });
});
