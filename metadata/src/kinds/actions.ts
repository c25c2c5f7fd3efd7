import { type Static, Type } from "@sinclair/typebox";
import { ActionValueSchema, GroupNameSchema, NameSchema, UserReferenceSchema } from "./common.js";

/**
 * Who a notification goes to. `owner` is the record's owner; `submitter` who submitted the record
 * for approval (approval processes only); `field` a user field of the record or an e-mail field.
 */
export const RecipientSchema = Type.Union([
  Type.Object({ type: Type.Literal("user"), user: UserReferenceSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("role"), role: NameSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("group"), group: GroupNameSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("owner") }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("submitter") }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("field"), field: NameSchema }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal("email"), address: Type.String({ format: "email", maxLength: 254 }) },
    { additionalProperties: false },
  ),
]);
export type Recipient = Static<typeof RecipientSchema>;

/** Sets one field of the record the action runs on. */
export const FieldUpdateActionSchema = Type.Object(
  { type: Type.Literal("fieldUpdate"), field: NameSchema, value: ActionValueSchema },
  { additionalProperties: false },
);
export type FieldUpdateAction = Static<typeof FieldUpdateActionSchema>;

/** Sends a message rendered from an `email` or `notification` template. */
export const NotifyActionSchema = Type.Object(
  {
    type: Type.Literal("notify"),
    template: NameSchema,
    to: Type.Array(RecipientSchema, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type NotifyAction = Static<typeof NotifyActionSchema>;

/**
 * An HTTP(S) address with a host and no credentials: secrets never live in metadata. The engine
 * checks every address it actually connects to: plain HTTP and private or loopback targets are
 * refused unless an administrator allow-lists the host.
 */
export const WebhookUrlSchema = Type.String({
  format: "uri",
  pattern: "^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s]*)?$",
  maxLength: 2000,
});

/** POSTs the record, or the rendered `template` when one is given. */
export const WebhookActionSchema = Type.Object(
  { type: Type.Literal("webhook"), url: WebhookUrlSchema, template: Type.Optional(NameSchema) },
  { additionalProperties: false },
);
export type WebhookAction = Static<typeof WebhookActionSchema>;

/** The actions an approval process may run; automation adds its own. */
export const ApprovalActionSchema = Type.Union([
  FieldUpdateActionSchema,
  NotifyActionSchema,
  WebhookActionSchema,
]);
export type ApprovalAction = Static<typeof ApprovalActionSchema>;
