import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../engine/support/api-client.js";
import { expectProblem } from "../engine/support/problem-assertions.js";
import { startTestServer, type TestServer } from "../engine/support/test-server.js";
import { createUser, PASSWORD } from "./support/org-admin.js";

type Json = Record<string, unknown>;

let t: TestServer;

const ROUTES = ["/api/v1/records/account", "/api/v1/metadata/objects", "/api/v1/openapi.json"];
const signedOut = async (client: ApiClient) => {
  for (const path of ROUTES) expectProblem(await client.get(path), 401);
};
const signedIn = async (client: ApiClient) => {
  for (const path of ROUTES) expect((await client.get(path)).status).toBe(200);
};
const signIn = async (username: string, password = PASSWORD) => {
  const client = t.anonymous();
  const res = await client.login("demo", username, password);
  return { status: res.status, client };
};
const setActive = async (id: string, active: boolean) => {
  const url = `/api/v1/records/user/${id}`;
  const current = await t.admin.get<Json>(url);
  const res = await t.admin.patch<Json>(url, { active }, Number(current.body.version));
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  t = await startTestServer();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("deactivating a user", () => {
  it("revokes every one of their sessions at once (401) and refuses new sign-ins", async () => {
    const { id, client } = await createUser(t.admin, "demo", { username: "leaving" });
    const second = (await signIn("leaving")).client;
    await signedIn(client);
    await setActive(id, false);
    await signedOut(client);
    await signedOut(second);
    expect((await signIn("leaving")).status).toBe(401);
  });

  it("reactivating lets them sign in again, but old tokens stay revoked", async () => {
    const { id, client } = await createUser(t.admin, "demo", { username: "returning" });
    await setActive(id, false);
    await setActive(id, true);
    await signedOut(client);
    const again = await signIn("returning");
    expect(again.status).toBe(200);
    await signedIn(again.client);
  });

  it("leaves other users signed in", async () => {
    const stays = await createUser(t.admin, "demo", { username: "stays" });
    const goes = await createUser(t.admin, "demo", { username: "goes" });
    await setActive(goes.id, false);
    await signedIn(stays.client);
    await signedIn(t.admin);
  });
});

describe("changing a password through the API", () => {
  it("revokes the user's sessions; only the new password signs in", async () => {
    const { id, client } = await createUser(t.admin, "demo", { username: "rotated" });
    const res = await t.admin.post(`/api/v1/users/${id}/password`, { password: "a brand new secret" });
    expect(res.status).toBe(204);
    await signedOut(client);
    expect((await signIn("rotated")).status).toBe(401);
    const fresh = await signIn("rotated", "a brand new secret");
    expect(fresh.status).toBe(200);
    await signedIn(fresh.client);
  });

  it("a refused change (too short) changes nothing: sessions and password stay", async () => {
    const { id, client } = await createUser(t.admin, "demo", { username: "kept" });
    expectProblem(await t.admin.post(`/api/v1/users/${id}/password`, { password: "short" }), 422);
    await signedIn(client);
    expect((await signIn("kept")).status).toBe(200);
  });

  it("for an unknown user is 404", async () => {
    expectProblem(
      await t.admin.post("/api/v1/users/01NOSUCHUSER0000000000000/password", { password: "long enough" }),
      404,
    );
  });
});

describe("signing out", () => {
  it("revokes that token only", async () => {
    const { client } = await createUser(t.admin, "demo", { username: "twice" });
    const other = (await signIn("twice")).client;
    expect((await client.post("/api/v1/auth/logout")).status).toBe(204);
    await signedOut(client);
    await signedIn(other);
  });
});
