import { describe, expect, it } from "vitest";
import { aDraft, aRecord, aSchema, aSession, aUniqueIndex } from "../builders.js";
import {
  expectStoreError,
  idsOf,
  publishSchema,
  type StoreFactory,
  useStoreFixture,
} from "./store-fixture.js";

export const describeTenants = (createStore: StoreFactory): void => {
  describe("tenants", () => {
    const fx = useStoreFixture(createStore);

    it("lists created tenants and knows them", async () => {
      await fx.store.createTenant("globex");
      expect((await fx.store.listTenants()).sort()).toEqual(["acme", "globex"]);
      expect(await fx.store.hasTenant("globex")).toBe(true);
      expect(await fx.store.hasTenant("initech")).toBe(false);
    });

    it("refuses to create a tenant twice", async () => {
      await expectStoreError(fx.store.createTenant("acme"), "tenantExists");
      expect(await fx.store.listTenants()).toEqual(["acme"]);
    });

    it("refuses a tenant that does not exist", async () => {
      await expectStoreError(fx.store.tenant("initech"), "unknownTenant");
    });

    it("binds a tenant store to its tenant", async () => {
      expect(fx.acme.tenant).toBe("acme");
      expect(fx.store.kind === "embedded" || fx.store.kind === "mongo").toBe(true);
    });
  });

  describe("tenant isolation", () => {
    const fx = useStoreFixture(createStore);

    it("keeps records of the same object and id apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      await publishSchema(globex, aSchema().withObject("invoice").build());

      await fx.acme.insertRecord("invoice", aRecord("r1").with("amount", 1).build());
      expect(await globex.getRecord("invoice", "r1")).toBeUndefined();
      expect(await globex.getRecords("invoice", ["r1"])).toEqual([]);
      expect(idsOf((await globex.findRecords("invoice", { sort: [], limit: 10 })).records)).toEqual([]);
      expect(await globex.countRecords("invoice")).toBe(0);
      expect(await globex.summarize("invoice", "sum", "amount")).toBeNull();

      await globex.insertRecord("invoice", aRecord("r1").with("amount", 2).build());
      expect((await fx.acme.getRecord("invoice", "r1"))?.amount).toBe(1);
      expect((await globex.getRecord("invoice", "r1"))?.amount).toBe(2);
    });

    it("keeps objects whose names differ only in case apart", async () => {
      await publishSchema(
        fx.acme,
        aSchema()
          .withObject("dealLine", aUniqueIndex("code"))
          .withObject("dealline", aUniqueIndex("code"))
          .build(),
      );
      await fx.acme.insertRecord("dealLine", aRecord("r1").withValues({ code: "A", amount: 1 }).build());
      await fx.acme.insertRecord("dealline", aRecord("r1").withValues({ code: "A", amount: 2 }).build());
      expect((await fx.acme.getRecord("dealLine", "r1"))?.amount).toBe(1);
      expect((await fx.acme.getRecord("dealline", "r1"))?.amount).toBe(2);
      expect(await fx.acme.countRecords("dealline")).toBe(1);
    });

    it("keeps unique fields whose names differ only in case apart", async () => {
      await publishSchema(
        fx.acme,
        aSchema().withObject("deal", aUniqueIndex("codeA"), aUniqueIndex("codea")).build(),
      );
      await fx.acme.insertRecord("deal", aRecord("r1").withValues({ codeA: "x", codea: "y" }).build());
      await expectStoreError(
        fx.acme.insertRecord("deal", aRecord("r2").withValues({ codeA: "z", codea: "y" }).build()),
        "uniqueViolation",
        "codea",
      );
      await expectStoreError(
        fx.acme.insertRecord("deal", aRecord("r3").withValues({ codeA: "x", codea: "w" }).build()),
        "uniqueViolation",
        "codeA",
      );
    });

    it("keeps metadata apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await fx.acme.putDraft(aDraft("object", "invoice"));
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      expect(await globex.listDraft()).toEqual([]);
      expect(await globex.currentVersion()).toBeUndefined();
      expect(await globex.currentVersionNumber()).toBe(0);
      expect(await globex.listVersions()).toEqual([]);
      await expectStoreError(globex.insertRecord("invoice", aRecord("r1").build()), "unknownObject");
    });

    it("keeps history apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await publishSchema(fx.acme, aSchema().withObject("invoice").build());
      const entry = {
        object: "invoice",
        recordId: "r1",
        field: "amount",
        oldValue: null,
        newValue: 1,
        version: 1,
        changedAt: "2025-01-01T00:00:00.000Z",
        changedBy: "u1",
      };
      await fx.acme.insertRecord("invoice", aRecord("r1").with("amount", 1).build(), { history: [entry] });
      expect(await globex.history("invoice", "r1")).toEqual([]);
    });

    it("keeps credentials and sessions apart", async () => {
      await fx.store.createTenant("globex");
      const globex = await fx.store.tenant("globex");
      await fx.acme.setPasswordHash("u1", "hash-a");
      await fx.acme.createSession(aSession("token-a", "u1"));
      expect(await globex.getPasswordHash("u1")).toBeUndefined();
      expect(await globex.getSession("token-a")).toBeUndefined();
      await globex.deleteSessionsOf("u1");
      expect(await fx.acme.getSession("token-a")).toEqual(aSession("token-a", "u1"));
    });
  });
};
