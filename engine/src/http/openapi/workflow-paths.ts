import type { JsonSchema } from "@tessera/metadata";

const PROBLEM = { $ref: "#/components/schemas/Problem" };
const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: PROBLEM } },
});
const json = (schema: JsonSchema, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const page = (name: string) => [
  { name: "limit", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 200 } },
  {
    name: "cursor",
    in: "query",
    required: false,
    schema: { type: "string" },
    description: `nextCursor of the previous page of ${name}`,
  },
];

export const WORKFLOW_SCHEMAS: Record<string, JsonSchema> = {
  ApprovalBody: {
    type: "object",
    additionalProperties: false,
    properties: {
      comment: { type: "string", maxLength: 4000 },
      step: {
        type: "string",
        description: "The step the decision is meant for; 409 when it is already decided",
      },
    },
  },
  Approval: {
    type: "object",
    required: ["status", "locked", "canApprove", "canRecall", "history"],
    properties: {
      status: { enum: ["none", "pending", "approved", "rejected", "recalled"] },
      locked: { type: "boolean" },
      process: { type: "object", properties: { name: { type: "string" }, label: { type: "string" } } },
      submittedBy: { $ref: "#/components/schemas/Reference" },
      submittedAt: { type: "string", format: "date-time" },
      currentStep: {
        type: "object",
        properties: { name: { type: "string" }, label: { type: "string" }, decision: { type: "string" } },
      },
      approvers: { type: "array", items: { type: "object" } },
      canApprove: { type: "boolean" },
      canRecall: { type: "boolean" },
      history: { type: "array", items: { type: "object" } },
    },
  },
  Notification: {
    type: "object",
    required: ["id", "at", "title", "body"],
    properties: {
      id: { type: "string" },
      at: { type: "string", format: "date-time" },
      title: { type: "string" },
      body: { type: "string" },
      object: { type: "string" },
      recordId: { type: "string" },
      readAt: { type: "string", format: "date-time" },
    },
  },
};

/** Approval routes of one object (it has an active approval process). */
export const approvalPaths = (object: string, name: string): Record<string, JsonSchema> => {
  const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
  const approval = json({ $ref: "#/components/schemas/Approval" }, "The record's approval state");
  return {
    [`/api/v1/records/${object}/{id}/approval`]: {
      get: {
        operationId: `getApproval${name}`,
        tags: [object],
        parameters: [idParam],
        responses: { "200": approval, "404": problem("Not found") },
      },
    },
    [`/api/v1/records/${object}/{id}/approval/{command}`]: {
      post: {
        operationId: `decideApproval${name}`,
        tags: [object],
        parameters: [
          idParam,
          {
            name: "command",
            in: "path",
            required: true,
            schema: { enum: ["submit", "approve", "reject", "recall"] },
          },
        ],
        requestBody: {
          required: false,
          content: { "application/json": { schema: { $ref: "#/components/schemas/ApprovalBody" } } },
        },
        responses: {
          "200": approval,
          "403": problem("Not a current approver (or may not submit or recall)"),
          "404": problem("Not found"),
          "409": problem("Already pending, or the step is already decided"),
          "422": problem("No process applies, no approver, or an action's field update is invalid"),
        },
      },
    },
  };
};

/** The caller's inbox and notifications. */
export const WORKFLOW_PATHS: Record<string, JsonSchema> = {
  "/api/v1/approvals/inbox": {
    get: {
      operationId: "approvalInbox",
      tags: ["approvals"],
      responses: {
        "200": json(
          { type: "object", properties: { items: { type: "array", items: { type: "object" } } } },
          "Pending work items of the caller",
        ),
      },
    },
  },
  "/api/v1/notifications": {
    get: {
      operationId: "listNotifications",
      tags: ["notifications"],
      parameters: [
        ...page("notifications"),
        { name: "unread", in: "query", required: false, schema: { enum: ["true", "false"] } },
      ],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["notifications", "unread", "nextCursor"],
            properties: {
              notifications: { type: "array", items: { $ref: "#/components/schemas/Notification" } },
              unread: { type: "integer" },
              nextCursor: { type: ["string", "null"] },
            },
          },
          "The caller's notifications, newest first",
        ),
        "400": problem("Bad limit or cursor"),
      },
    },
  },
  "/api/v1/notifications/read": {
    post: {
      operationId: "markNotificationsRead",
      tags: ["notifications"],
      requestBody: {
        required: false,
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: { ids: { type: "array", items: { type: "string" }, maxItems: 500 } },
              additionalProperties: false,
            },
          },
        },
      },
      responses: {
        "200": json(
          { type: "object", properties: { marked: { type: "integer" }, unread: { type: "integer" } } },
          "Marked read",
        ),
        "400": problem("Bad ids"),
      },
    },
  },
};
