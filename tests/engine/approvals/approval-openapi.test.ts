import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDiscountOrg, type DiscountOrg } from "./discount-fixture.js";

let org: DiscountOrg;
beforeAll(async () => {
  org = await buildDiscountOrg();
}, 60_000);
afterAll(async () => org?.close());

describe("approval routes in the OpenAPI document", () => {
  it("describes the approval routes of an object with a process, and stays a valid OpenAPI 3.1 document", async () => {
    const doc = await org.rep.client.get<{ paths: Record<string, unknown> }>("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/records/quote/{id}/approval",
        "/api/v1/records/quote/{id}/approval/{command}",
        "/api/v1/approvals/inbox",
        "/api/v1/notifications",
      ]),
    );
    // An object without a process has no approval routes.
    expect(Object.keys(doc.body.paths)).not.toContain("/api/v1/records/account/{id}/approval/{command}");
    await expect(SwaggerParser.validate(structuredClone(doc.body) as never)).resolves.toMatchObject({
      openapi: "3.1.0",
    });
  });
});
