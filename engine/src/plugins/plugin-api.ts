import type { CustomFieldTypeDefinition, JsonObject, JsonValue, Locale } from "@tessera/metadata";

/**
 * The server plugin API (docs/plugins.md). A package's `server` entry exports `plugin`, a
 * `TesseraPlugin`; the engine calls `setup` once per process with a `PluginApi` bound to the
 * package. What the plugin registers is active only in tenants that have the package installed.
 *
 * Plugins import only types from the engine (`import type`): every value they need arrives through
 * the API object, so a plugin's built JavaScript does not depend on where the engine is loaded from.
 */
export interface TesseraPlugin {
  /** Must equal the manifest's `name`. */
  readonly name: string;
  setup(api: PluginApi): void | Promise<void>;
}

/** Who acts: the user whose request, automation or job the plugin runs for. */
export interface PluginUser {
  readonly id: string;
  readonly locale: Locale;
}

/** A problem a plugin reports; `path` is a JSON pointer into the record's values (`/comment`). */
export interface PluginProblem {
  path: string;
  message: string;
  /** Machine-readable code; `plugin.<package>.rejected` when absent. */
  code?: string;
}

export interface PluginListQuery {
  /** A JsonLogic filter over the object's fields, as in `GET /records/{object}?filter=`. */
  filter?: JsonValue;
  /** `-closeDate,name`: as the list API's `sort`. */
  sort?: string;
  /** At most 200 (default 50). */
  limit?: number;
}

/**
 * Record operations with the acting user's permissions, sharing and field-level security, through
 * the same pipeline as the HTTP API (validation, rules, automations). Errors are the API's: a
 * refused write throws, and the HTTP layer answers with its problem details.
 */
export interface PluginRecords {
  get(object: string, id: string): Promise<JsonObject>;
  list(object: string, query?: PluginListQuery): Promise<JsonObject[]>;
  create(object: string, values: JsonObject): Promise<JsonObject>;
  /** `version` as `If-Match`: the update fails with 409 when the record changed meanwhile. */
  update(object: string, id: string, version: number, values: JsonObject): Promise<JsonObject>;
  delete(object: string, id: string): Promise<void>;
  /** Transfers ownership, as `POST /records/{object}/{id}/owner`. */
  transfer(object: string, id: string, ownerId: string): Promise<JsonObject>;
}

/** What every plugin callback gets: the tenant, who acts, and record access as that user. */
export interface PluginContext {
  readonly tenant: string;
  readonly user: PluginUser;
  readonly records: PluginRecords;
  readonly now: () => Date;
  /** Fails the current operation with a 422 listing `problems` (nothing is written). */
  fail(problems: PluginProblem | readonly PluginProblem[]): never;
}

/**
 * A write about to happen. `values` holds every field value the record will have (after coercion,
 * defaults and formulas); the hook may change them (they are validated again afterwards) or call
 * `ctx.fail` to refuse the write.
 */
export interface BeforeSaveEvent {
  readonly object: string;
  readonly operation: "create" | "update";
  /** The record's id (on create: the id it will get). */
  readonly id: string;
  values: JsonObject;
  /** The stored record before this update; absent on create. */
  readonly previous?: Readonly<JsonObject>;
}

/** A write that happened, with the record as stored. */
export interface AfterSaveEvent {
  readonly object: string;
  readonly operation: "create" | "update";
  readonly record: Readonly<JsonObject>;
  readonly previous?: Readonly<JsonObject>;
}

export type BeforeSaveHook = (event: BeforeSaveEvent, ctx: PluginContext) => void | Promise<void>;
export type AfterSaveHook = (event: AfterSaveEvent, ctx: PluginContext) => void | Promise<void>;

/**
 * An automation action type, used in automations as
 * `{"type": "plugin", "package": "<pkg>", "action": "<name>", "params": {...}}`.
 */
export interface CustomAction {
  /** JSON Schema of `params` (checked when the automation is published and when it runs). */
  readonly paramsSchema?: JsonObject;
  run(
    input: { object: string; record: Readonly<JsonObject>; params: JsonObject },
    ctx: PluginContext,
  ): Promise<void>;
}

/** An HTTP request to a plugin route, already authenticated; `body` is parsed JSON (or undefined). */
export interface PluginRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** A route's answer: `status` (default 200) and a JSON body (none for 204). */
export interface PluginResponse {
  status?: number;
  body?: JsonValue;
}

export type PluginRouteHandler = (request: PluginRequest, ctx: PluginContext) => Promise<PluginResponse>;
export type PluginRouteMethod = "get" | "post" | "put" | "patch" | "delete";

/** A job run on a fixed interval in every tenant that has the package, as that tenant's `admin`. */
export interface ScheduledJob {
  /** Minutes between runs (at least 1). */
  readonly everyMinutes: number;
  run(ctx: PluginContext): Promise<void>;
}

export interface PluginApi {
  /** The package's name. */
  readonly name: string;
  beforeSave(object: string, hook: BeforeSaveHook): void;
  afterSave(object: string, hook: AfterSaveHook): void;
  action(name: string, action: CustomAction): void;
  /** A field type fields use as `{"type": "custom", "customType": "<definition.name>"}`. */
  fieldType(definition: CustomFieldTypeDefinition): void;
  /** Served at `/api/v1/plugins/<package><path>`, to signed-in users of tenants with the package. */
  route(method: PluginRouteMethod, path: string, handler: PluginRouteHandler): void;
  job(name: string, job: ScheduledJob): void;
}
