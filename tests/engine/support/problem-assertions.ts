import { expect } from "vitest";
import type { ApiClient, ApiResponse } from "./api-client.js";

export interface ProblemDetail {
  path: string;
  code: string;
  message: string;
}

/** An `application/problem+json` body as DESIGN section 9 defines it (plus extension members). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  errors: ProblemDetail[];
  [extension: string]: unknown;
}

/** Asserts `response` is a problem document with `status` and the contract's members; returns it. */
export const expectProblem = (response: ApiResponse<unknown>, status: number): Problem => {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = response.body as Problem;
  expect(body).toMatchObject({ status, title: expect.any(String), errors: expect.any(Array) });
  for (const error of body.errors) {
    expect(error).toEqual({
      path: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
    });
  }
  return body;
};

/** How many records of `object` match `filter` (JsonLogic), read back through the API. */
export const countRecords = async (client: ApiClient, object: string, filter?: unknown): Promise<number> => {
  const query = filter === undefined ? "" : `&filter=${encodeURIComponent(JSON.stringify(filter))}`;
  const response = await client.get<{ total: number }>(
    `/api/v1/records/${object}?count=true&limit=1${query}`,
  );
  expect(response.status).toBe(200);
  return response.body.total;
};
