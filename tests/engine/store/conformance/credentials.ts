import { describe, expect, it } from "vitest";
import { aSession } from "../builders.js";
import { type StoreFactory, useStoreFixture } from "./store-fixture.js";

export const describeCredentials = (createStore: StoreFactory): void => {
  describe("password hashes", () => {
    const fx = useStoreFixture(createStore);

    it("stores and replaces a user's password hash", async () => {
      expect(await fx.acme.getPasswordHash("u1")).toBeUndefined();
      await fx.acme.setPasswordHash("u1", "scrypt$1");
      await fx.acme.setPasswordHash("u2", "scrypt$2");
      await fx.acme.setPasswordHash("u1", "scrypt$3");
      expect(await fx.acme.getPasswordHash("u1")).toBe("scrypt$3");
      expect(await fx.acme.getPasswordHash("u2")).toBe("scrypt$2");
    });
  });

  describe("sessions", () => {
    const fx = useStoreFixture(createStore);

    it("stores a session by token hash", async () => {
      await fx.acme.createSession(aSession("h1", "u1"));
      expect(await fx.acme.getSession("h1")).toEqual(aSession("h1", "u1"));
      expect(await fx.acme.getSession("h2")).toBeUndefined();
    });

    it("deletes one session", async () => {
      await fx.acme.createSession(aSession("h1", "u1"));
      await fx.acme.createSession(aSession("h2", "u1"));
      await fx.acme.deleteSession("h1");
      await fx.acme.deleteSession("missing");
      expect(await fx.acme.getSession("h1")).toBeUndefined();
      expect(await fx.acme.getSession("h2")).toEqual(aSession("h2", "u1"));
    });

    it("deletes every session of one user", async () => {
      await fx.acme.createSession(aSession("h1", "u1"));
      await fx.acme.createSession(aSession("h2", "u1"));
      await fx.acme.createSession(aSession("h3", "u2"));
      await fx.acme.deleteSessionsOf("u1");
      expect(await fx.acme.getSession("h1")).toBeUndefined();
      expect(await fx.acme.getSession("h2")).toBeUndefined();
      expect(await fx.acme.getSession("h3")).toEqual(aSession("h3", "u2"));
    });
  });
};
