import { coerceFieldValue } from "../fields/registry.js";
import type { CheckContext } from "../validate/check-context.js";
import type { FieldUpdateAction, NotifyAction, Recipient, WebhookAction } from "./actions.js";
import { expressionOfValue, type Report } from "./common.js";
import type { ObjectDefinition } from "./object.js";
import { fieldTypeOf, isReadableField, isUserField, isWritableField } from "./object-fields.js";

/** Where an action runs: the kind it belongs to (issue code prefix) and the record's object. */
export interface ActionScope {
  readonly prefix: "approvalProcess" | "automation";
  /** The record's object; undefined when it does not exist (reported elsewhere). */
  readonly object: ObjectDefinition | undefined;
  /** Approval processes know who submitted the record; automations do not. */
  readonly hasSubmitter: boolean;
  readonly ctx: CheckContext;
  readonly report: Report;
}

type Tokens = ReadonlyArray<string | number>;

/** Codes `<prefix>.unknownField`, `<prefix>.readOnlyField`. */
export const checkFieldUpdate = (action: FieldUpdateAction, at: Tokens, scope: ActionScope): void => {
  checkWritableField(scope.object, action.field, [...at, "field"], scope);
  checkLiteralValue(scope.object, action.field, action.value, [...at, "value"], scope);
};

/**
 * Reports a literal value the field would refuse (a picklist value that does not exist, text for
 * a number), so the mistake shows when the admin saves, not when the action first runs. Computed
 * values (`{"expression": ...}`) can only be checked when they run.
 */
export const checkLiteralValue = (
  object: ObjectDefinition | undefined,
  fieldName: string,
  value: unknown,
  at: Tokens,
  scope: ActionScope,
): void => {
  const field = object?.fields.find((f) => f.name === fieldName);
  if (field === undefined || expressionOfValue(value) !== undefined) return;
  const coerced = coerceFieldValue(field, value);
  if (!coerced.ok) scope.report(at, `${scope.prefix}.invalidValue`, `"${fieldName}": ${coerced.message}`);
};

/** Reports a field an action may not write; shared by field updates and created records. */
export const checkWritableField = (
  object: ObjectDefinition | undefined,
  field: string,
  at: Tokens,
  scope: ActionScope,
): void => {
  if (object === undefined) return;
  if (!isReadableField(object, field)) {
    scope.report(at, `${scope.prefix}.unknownField`, `Object "${object.name}" has no field "${field}".`);
  } else if (!isWritableField(object, field)) {
    scope.report(at, `${scope.prefix}.readOnlyField`, `Field "${field}" is filled in by the system.`);
  }
};

/** Codes `<prefix>.unknownTemplate`, `<prefix>.wrongTemplate`. */
const checkTemplate = (name: string, at: Tokens, forMessages: boolean, scope: ActionScope): void => {
  const template = scope.ctx.find("template", name);
  if (template === undefined) {
    scope.report(at, `${scope.prefix}.unknownTemplate`, `Template "${name}" does not exist.`);
  } else if (forMessages && template.purpose !== "email" && template.purpose !== "notification") {
    scope.report(
      at,
      `${scope.prefix}.wrongTemplate`,
      `Template "${name}" is a ${template.purpose} template; notifications need an email or notification template.`,
    );
  } else if (
    template.object !== undefined &&
    scope.object !== undefined &&
    template.object !== scope.object.name
  ) {
    scope.report(
      at,
      `${scope.prefix}.wrongTemplate`,
      `Template "${name}" is written for "${template.object}" records, not "${scope.object.name}".`,
    );
  }
};

/** Codes `<prefix>.unknownRole`, `<prefix>.unknownField`, `<prefix>.invalidRecipient`. */
const checkRecipient = (recipient: Recipient, at: Tokens, scope: ActionScope): void => {
  const { object, prefix, report } = scope;
  if (recipient.type === "role" && scope.ctx.find("role", recipient.role) === undefined) {
    report([...at, "role"], `${prefix}.unknownRole`, `Role "${recipient.role}" does not exist.`);
  }
  if (recipient.type === "submitter" && !scope.hasSubmitter) {
    report(
      [...at, "type"],
      `${prefix}.invalidRecipient`,
      "Only approval processes know who submitted a record.",
    );
  }
  if (recipient.type === "field" && object !== undefined) {
    if (!isReadableField(object, recipient.field)) {
      report(
        [...at, "field"],
        `${prefix}.unknownField`,
        `Object "${object.name}" has no field "${recipient.field}".`,
      );
    } else if (!isUserField(object, recipient.field) && fieldTypeOf(object, recipient.field) !== "email") {
      report(
        [...at, "field"],
        `${prefix}.invalidRecipient`,
        `Field "${recipient.field}" holds neither a user nor an e-mail address.`,
      );
    }
  }
};

export const checkNotify = (action: NotifyAction, at: Tokens, scope: ActionScope): void => {
  checkTemplate(action.template, [...at, "template"], true, scope);
  action.to.forEach((recipient, r) => {
    checkRecipient(recipient, [...at, "to", r], scope);
  });
};

/** The host of a URL of WebhookUrlSchema's shape; undefined for any other shape. */
const hostOf = (url: string): string | undefined =>
  /^https?:\/\/([A-Za-z0-9.-]+)(:[0-9]{1,5})?(\/|$)/.exec(url)?.[1]?.toLowerCase().replace(/\.$/, "");

const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * A host that only disguises an address: a last label that is a number makes URL parsers read an
 * IPv4 address (`0x7f000001`, `2130706433`, `0177.0.0.1`). Which real addresses a webhook may
 * reach (loopback, private ranges) is the engine's decision, made against the tenant's allow-list
 * on every delivery, so `localhost` and plain dotted addresses pass here.
 */
const isDisguisedHost = (host: string): boolean =>
  host === "" || (/^(0x[0-9a-f]*|[0-9]+)$/.test(host.split(".").at(-1) ?? "") && !DOTTED_QUAD.test(host));

/** Codes `<prefix>.unsafeWebhook`, `<prefix>.unknownTemplate`, `<prefix>.wrongTemplate`. */
export const checkWebhook = (action: WebhookAction, at: Tokens, scope: ActionScope): void => {
  const host = hostOf(action.url);
  if (host === undefined || isDisguisedHost(host)) {
    scope.report(
      [...at, "url"],
      `${scope.prefix}.unsafeWebhook`,
      "A webhook must call an http(s) address with a host name or a plain IPv4 address.",
    );
  }
  if (action.template !== undefined) checkTemplate(action.template, [...at, "template"], false, scope);
};
