import { type ReceivedRequest, startReceiver, type WebhookReceiver } from "../webhooks/webhook-receiver.js";

export interface ScriptedReceiver extends WebhookReceiver {
  /** The statuses the next requests to `path` get, in order; 200 once the script is used up. */
  script(path: string, statuses: readonly number[]): void;
  /** The requests that reached `path`. */
  to(path: string): ReceivedRequest[];
}

/** A real receiver on 127.0.0.1 that answers each path from a script of statuses. */
export const startScriptedReceiver = async (): Promise<ScriptedReceiver> => {
  const scripts = new Map<string, number[]>();
  const receiver = await startReceiver((request, response) => {
    const status = scripts.get(request.path)?.shift() ?? 200;
    response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "not now");
  });
  return {
    ...receiver,
    script: (path, statuses) => {
      scripts.set(path, [...statuses]);
    },
    to: (path) => receiver.requests.filter((r) => r.path === path),
  };
};

/** A header's single value. */
export const header = (request: ReceivedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};
