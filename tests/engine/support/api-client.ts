/** A response as tests look at it: status, headers and the parsed JSON body (if any). */
export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ApiClient {
  readonly baseUrl: string;
  token?: string;
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>>;
  get<T = Record<string, unknown>>(path: string): Promise<ApiResponse<T>>;
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  put<T = Record<string, unknown>>(path: string, body: unknown): Promise<ApiResponse<T>>;
  patch<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    version: number | string,
  ): Promise<ApiResponse<T>>;
  delete<T = Record<string, unknown>>(path: string, version?: number): Promise<ApiResponse<T>>;
  /** Signs in and keeps the token for the following requests. */
  login(tenant: string, username: string, password: string): Promise<ApiResponse<{ token: string }>>;
}

/** A thin fetch client for the real HTTP API (no mocks: tests talk to a running server). */
export const apiClient = (baseUrl: string): ApiClient => {
  const client: ApiClient = {
    baseUrl,
    async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(body !== undefined && { "content-type": "application/json" }),
          ...(client.token !== undefined && { authorization: `Bearer ${client.token}` }),
          ...headers,
        },
        ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text === "" ? undefined : JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.status, headers: response.headers, body: parsed as T };
    },
    get: (path) => client.request("GET", path),
    post: (path, body) => client.request("POST", path, body ?? {}),
    put: (path, body) => client.request("PUT", path, body),
    patch: (path, body, version) => client.request("PATCH", path, body, { "if-match": String(version) }),
    delete: (path, version) =>
      client.request("DELETE", path, undefined, version === undefined ? {} : { "if-match": String(version) }),
    async login(tenant, username, password) {
      const response = await client.request<{ token: string }>("POST", "/api/v1/auth/login", {
        tenant,
        username,
        password,
      });
      if (response.status === 200) client.token = response.body.token;
      return response;
    },
  };
  return client;
};
