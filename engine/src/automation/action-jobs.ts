import type { JsonObject, NotifyAction, PluginAction, WebhookAction } from "@tessera/metadata";
import type { StoredRecord } from "../store/store-port.js";
import type { NewJob } from "../store/work-types.js";

/** What produced a notification or webhook: shown in the automation log and in webhook payloads. */
export interface ActionSource {
  kind: "automation" | "approval";
  /** The automation or approval process. */
  name: string;
  /** e.g. `onFinalApprove`, or the automation's trigger type. */
  event: string;
}

/** The record as it was when the action fired, without engine-internal keys. */
export const snapshotOf = (record: StoredRecord): JsonObject => {
  const snapshot: JsonObject = {};
  for (const [key, value] of Object.entries(record)) if (!key.startsWith("_")) snapshot[key] = value;
  return snapshot;
};

interface JobBase {
  id: string;
  now: string;
  object: string;
  record: StoredRecord;
  source: ActionSource;
  /** The user whose access limits what the message or payload shows. */
  runAs: string;
  /** An automation's `runAs`: resolved to a user when the job runs. */
  runAsUsername?: string;
  /** Extra template data (approval comment, step, submitter). */
  extra?: JsonObject;
}

const common = (base: JobBase): JsonObject => ({
  object: base.object,
  recordId: base.record.id,
  record: snapshotOf(base.record),
  source: base.source as unknown as JsonObject,
  runAs: base.runAs,
  ...(base.runAsUsername !== undefined && { runAsUsername: base.runAsUsername }),
  ...(base.extra !== undefined && { extra: base.extra }),
});

export const notifyJob = (base: JobBase, action: NotifyAction): NewJob => ({
  id: base.id,
  kind: "notify",
  dueAt: base.now,
  payload: { ...common(base), template: action.template, to: action.to as unknown as JsonObject[] },
});

export const webhookJob = (base: JobBase, action: WebhookAction): NewJob => ({
  id: base.id,
  kind: "webhook",
  dueAt: base.now,
  payload: {
    ...common(base),
    url: action.url,
    ...(action.template !== undefined && { template: action.template }),
  },
});

export const pluginActionJob = (base: JobBase, action: PluginAction): NewJob => ({
  id: base.id,
  kind: "pluginAction",
  dueAt: base.now,
  payload: {
    ...common(base),
    package: action.package,
    action: action.action,
    params: (action.params ?? {}) as JsonObject,
  },
});
