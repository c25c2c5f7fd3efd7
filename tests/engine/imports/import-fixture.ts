import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ObjectDefinition, Profile } from "@tessera/metadata";
import { expect } from "vitest";
import {
  checkbox,
  currency,
  date,
  datetime,
  email,
  formula,
  lookup,
  multiPicklist,
  number,
  option,
  picklist,
  text,
} from "../../metadata/builders.js";
import { type ApiClient, type ApiResponse, apiClient } from "../support/api-client.js";
import { anObject } from "../support/object-builder.js";
import { startTestServer, type TestServer } from "../support/test-server.js";

export type Json = Record<string, unknown>;

export interface ImportView {
  id: string;
  object: string;
  fileName: string;
  format: "csv" | "xlsx";
  status: string;
  headers: string[];
  totalRows: number;
  preview: string[][];
  suggestedMapping: Array<{ column: string; field: string | null }>;
  settings?: Json;
  progress: {
    processed: number;
    created: number;
    updated: number;
    failed: number;
    skipped: number;
    percent: number;
    rowsPerSecond: number;
    startedAt?: string;
    finishedAt?: string;
  };
  dryRun?: { wouldCreate: number; wouldUpdate: number; wouldFail: number; errors: Json[] };
  error?: string;
}

export const IMPORTER_PASSWORD = "importer-password-0123456789";

/**
 * A vendor: every kind of cell an import converts, a unique code (to match by), a field the
 * importer may read but not change (`rating`), one they may not see (`secret`), a computed one and
 * a validation rule.
 */
export const vendorObject = (): ObjectDefinition => {
  const object = anObject("vendor")
    .withField(
      text("name", { label: { en: "Vendor Name", "zh-CN": "供应商名称" }, required: true, maxLength: 120 }),
      text("code", { label: { en: "Vendor Code", "zh-CN": "供应商编号" }, unique: true, maxLength: 40 }),
      email("email", { label: { en: "E-mail", "zh-CN": "邮箱" } }),
      picklist("tier", {
        label: { en: "Tier", "zh-CN": "等级" },
        options: [
          option("gold", "Gold", "金牌"),
          option("silver", "Silver", "银牌"),
          option("bronze", "Bronze", "铜牌"),
        ],
      }),
      multiPicklist("regions", {
        label: { en: "Regions", "zh-CN": "区域" },
        options: [
          option("north", "North", "北方"),
          option("south", "South", "南方"),
          option("west", "West", "西部"),
        ],
      }),
      date("since", { label: { en: "Partner Since", "zh-CN": "合作开始日期" } }),
      datetime("lastAudit", { label: { en: "Last Audit", "zh-CN": "最近审核" } }),
      currency("revenue", { label: { en: "Revenue", "zh-CN": "营业额" } }),
      number("employees", { label: { en: "Employees", "zh-CN": "员工人数" }, scale: 0 }),
      checkbox("preferred", { label: { en: "Preferred", "zh-CN": "优选" } }),
      lookup("account", { label: { en: "Account", "zh-CN": "客户" }, reference: "account" }),
      lookup("parent", { label: { en: "Parent Vendor", "zh-CN": "上级供应商" }, reference: "vendor" }),
      text("rating", { label: { en: "Rating" } }),
      text("secret", { label: { en: "Secret" } }),
      formula("displayName", {
        returnType: "text",
        expression: { cat: [{ var: "name" }, " (", { var: "code" }, ")"] },
      }),
    )
    .withRule(
      "noNegativeStaff",
      { "<": [{ var: "employees" }, 0] },
      "Employees cannot be negative",
      "employees",
    )
    .named("name")
    .build();
  return object;
};

const allFields = (object: ObjectDefinition, grants: Record<string, { read: boolean; edit: boolean }>) =>
  Object.fromEntries(object.fields.map((f) => [f.name, grants[f.name] ?? { read: true, edit: true }]));

/** Imports vendors: may not change `rating`, may not see `secret`; reads accounts (their own). */
export const importerProfile = (): Profile => ({
  kind: "profile",
  name: "vendorImporter",
  label: { en: "Vendor importer" },
  objects: {
    vendor: { create: true, read: true, edit: true },
    account: { create: true, read: true, edit: true },
    user: { read: true },
  },
  fields: {
    vendor: allFields(vendorObject(), {
      rating: { read: true, edit: false },
      secret: { read: false, edit: false },
    }),
    account: { name: { read: true, edit: true } },
    user: { name: { read: true }, username: { read: true } },
  },
  system: { apiEnabled: true },
});

/** Reads vendors, nothing more. */
export const viewerProfile = (): Profile => ({
  kind: "profile",
  name: "vendorViewer",
  label: { en: "Vendor viewer" },
  objects: { vendor: { read: true } },
  fields: { vendor: allFields(vendorObject(), {}) },
  system: { apiEnabled: true },
});

/** Changes vendors but may not create them. */
export const editorProfile = (): Profile => ({
  kind: "profile",
  name: "vendorEditor",
  label: { en: "Vendor editor" },
  objects: { vendor: { read: true, edit: true } },
  fields: { vendor: allFields(vendorObject(), {}) },
  system: { apiEnabled: true },
});

export interface ImportWorld {
  t: TestServer;
  /** Stops the server; removes the data dir unless it was given. */
  close(): Promise<void>;
  admin: ApiClient;
  importer: ApiClient;
  viewer: ApiClient;
  editor: ApiClient;
  importerId: string;
}

/** A test server (uploads under its own data dir) with the vendor object, an importer and a viewer. */
export const startImportWorld = async (dataDir?: string): Promise<ImportWorld> => {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), "tessera-import-")));
  const t = await startTestServer({ dataDir: dir });
  const admin = t.admin;
  const ids = new Map<string, string>();
  if (dataDir === undefined) {
    expect((await admin.put("/api/v1/metadata/draft/object/vendor", vendorObject())).status).toBe(200);
    expect((await admin.put("/api/v1/metadata/draft/profile/vendorImporter", importerProfile())).status).toBe(
      200,
    );
    expect((await admin.put("/api/v1/metadata/draft/profile/vendorViewer", viewerProfile())).status).toBe(
      200,
    );
    expect((await admin.put("/api/v1/metadata/draft/profile/vendorEditor", editorProfile())).status).toBe(
      200,
    );
    // Rates every new vendor: tells whether an import ran automations.
    const stamp = {
      kind: "automation",
      name: "stampRating",
      object: "vendor",
      label: { en: "Stamp rating" },
      active: true,
      trigger: { type: "create" },
      actions: [{ type: "fieldUpdate", field: "rating", value: "auto" }],
    };
    expect((await admin.put("/api/v1/metadata/draft/automation/stampRating", stamp)).status).toBe(200);
    const published = await admin.post("/api/v1/metadata/publish", {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    for (const [username, profile] of [
      ["importer", "vendorImporter"],
      ["viewer", "vendorViewer"],
      ["editor", "vendorEditor"],
    ] as const) {
      const created = await admin.post("/api/v1/users", {
        username,
        name: username,
        email: `${username}@example.com`,
        profile,
        locale: "en",
        timeZone: "Asia/Shanghai",
        password: IMPORTER_PASSWORD,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids.set(username, String(created.body.id));
    }
  }
  const signIn = async (username: string) => {
    const client = apiClient(t.server.url);
    expect((await client.login("demo", username, IMPORTER_PASSWORD)).status).toBe(200);
    return client;
  };
  return {
    t,
    close: async () => {
      await t.close();
      if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
    admin,
    importer: await signIn("importer"),
    viewer: await signIn("viewer"),
    editor: await signIn("editor"),
    importerId: ids.get("importer") ?? "",
  };
};

/** Uploads a file as the runtime does: multipart with `object` first, then `file`. */
export const upload = async (
  client: ApiClient,
  object: string | undefined,
  fileName: string,
  content: string | Uint8Array,
  fields: Record<string, string> = {},
): Promise<ApiResponse<ImportView>> => {
  const form = new FormData();
  if (object !== undefined) form.append("object", object);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // A copy in a plain ArrayBuffer, as Blob takes it (a Buffer may be a view of a shared pool).
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : new Uint8Array(content);
  form.append("file", new Blob([bytes.buffer as ArrayBuffer]), fileName);
  const response = await fetch(`${client.baseUrl}/api/v1/imports`, {
    method: "POST",
    headers: client.token === undefined ? {} : { authorization: `Bearer ${client.token}` },
    body: form,
  });
  const body = (await response.json()) as ImportView;
  return { status: response.status, headers: response.headers, body };
};

/** CSV text from rows of cells (quoted when needed), lines ending in CRLF as Excel writes them. */
export const csv = (rows: ReadonlyArray<ReadonlyArray<string | number>>): string =>
  rows
    .map((row) =>
      row
        .map((cell) => {
          const text = String(cell);
          return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(","),
    )
    .join("\r\n");

const FINAL = new Set(["completed", "failed", "cancelled"]);

/** Polls an import until it reaches a final status (or `until` holds). */
export const waitForImport = async (
  client: ApiClient,
  id: string,
  until: (view: ImportView) => boolean = (view) => FINAL.has(view.status),
  timeoutMs = 60_000,
): Promise<ImportView> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await client.get<ImportView>(`/api/v1/imports/${id}`);
    expect(view.status).toBe(200);
    if (until(view.body)) return view.body;
    if (Date.now() > deadline)
      throw new Error(`import ${id} still ${view.body.status}: ${JSON.stringify(view.body.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

/** Every vendor the admin sees, by code. */
export const vendorsByCode = async (client: ApiClient): Promise<Map<string, Json>> => {
  const all = new Map<string, Json>();
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
    const page = await client.get<{ records: Json[]; nextCursor: string | null }>(
      `/api/v1/records/vendor?limit=200${query}`,
    );
    expect(page.status).toBe(200);
    for (const record of page.body.records) all.set(String(record.code ?? record.id), record);
    cursor = page.body.nextCursor;
  } while (cursor !== null);
  return all;
};
