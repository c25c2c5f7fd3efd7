import { vi } from "vitest";

/** One request the page sent, as the mocked HTTP boundary saw it. */
export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface Reply {
  status?: number;
  body?: unknown;
}

/** Answers a request; undefined means 404. */
export type Handler = (call: Call) => Reply | undefined;

/** Replaces `fetch` (the only thing mocked): every call is recorded and answered by `handler`. */
export const mockFetch = (handler: Handler): Call[] => {
  const calls: Call[] = [];
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://runtime.test");
    const call: Call = {
      method: init.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    const reply = handler(call) ?? { status: 404, body: { title: "Not found" } };
    const status = reply.status ?? 200;
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { "content-type": "application/json" },
    });
  });
  return calls;
};
