import { E2E_ADMIN_PASSWORD } from "./product-server.js";

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** The product's HTTP API signed in as a user, for a browser test's set-up and checks. */
export interface ApiSession {
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer<T>>;
}

export const apiSession = async (
  baseUrl: string,
  username = "admin",
  password = E2E_ADMIN_PASSWORD,
  tenant = "demo",
): Promise<ApiSession> => {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant, username, password }),
  });
  if (!login.ok) throw new Error(`Sign-in of ${username} to ${tenant} failed: ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  return {
    async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body !== undefined && { "content-type": "application/json" }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text === "" ? {} : JSON.parse(text)) as T };
    },
  };
};
