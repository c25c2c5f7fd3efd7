import type { FieldDefinition } from "@tessera/metadata";
import type { ObjectUi, RecordData } from "../../../runtime/src/api/types.js";
import {
  bootstrapOf,
  type Call,
  type Handler,
  layoutOf,
  ME,
  noApproval,
  objectOf,
  type Reply,
  summary,
  text,
  uiOf,
} from "./record-harness.js";

/** A made-up object, so the page is shown to know nothing of the standard CRM objects. */
export const dealFields: FieldDefinition[] = [
  text("name", "Deal Name"),
  { name: "company", type: "lookup", reference: "company", label: { en: "Company" } } as FieldDefinition,
  { name: "amount", type: "currency", currencyCode: "USD", label: { en: "Amount" } } as FieldDefinition,
  {
    name: "stage",
    type: "picklist",
    label: { en: "Stage" },
    options: [
      { value: "open", label: { en: "Open" } },
      { value: "lost", label: { en: "Lost" } },
    ],
  } as FieldDefinition,
  text("lossReason", "Loss Reason"),
  text("region", "Region"),
  { name: "notes", type: "textarea", label: { en: "Notes" } } as FieldDefinition,
];

export const deal = objectOf("deal", "Deal", dealFields);

export const dealLayout = layoutOf("deal", [
  {
    id: "main",
    label: { en: "Main" },
    columns: 2,
    items: [
      { field: "name" },
      { field: "amount" },
      { field: "company", column: 0 },
      { field: "stage", column: 1 },
      { field: "lossReason", visibleWhen: { "==": [{ var: "stage" }, "lost"] } },
      { field: "region", visibleWhen: { "==": [{ var: "company" }, "c1"] } },
    ],
  },
  { id: "more", label: { en: "More" }, columns: 1, collapsed: true, items: [{ field: "notes" }] },
]);

export const dealRecord = (extra: Record<string, unknown> = {}): RecordData => ({
  id: "d1",
  version: 3,
  ownerId: ME.id,
  createdAt: "2026-03-01T09:00:00.000Z",
  updatedAt: "2026-03-02T09:00:00.000Z",
  name: "Big deal",
  company: { id: "c1", name: "Acme" },
  amount: 12500,
  stage: "open",
  region: "EMEA",
  notes: "Call back on Monday",
  ...extra,
});

export interface DealServer {
  ui?: Partial<ObjectUi>;
  record?: RecordData;
  approval?: Record<string, unknown>;
  locale?: "en" | "zh-CN";
  /** Answers requests the defaults do not (checked first). */
  extra?: Handler;
}

const userList = {
  records: [{ id: ME.id, version: 1, name: ME.name }],
  nextCursor: null,
};

/** The API of a tenant with a `deal` object: bootstrap, object UI, the record, its approval and history. */
export const dealServer = (server: DealServer = {}): Handler => {
  const bootstrap = bootstrapOf(
    [
      summary("deal", "Deal", "Deals"),
      summary("company", "Company", "Companies"),
      summary("user", "User", "Users"),
    ],
    server.locale,
  );
  const ui = uiOf(deal, { layouts: [dealLayout], ...server.ui });
  return (call: Call): Reply | undefined => {
    const extra = server.extra?.(call);
    if (extra !== undefined) return extra;
    if (call.method !== "GET") return undefined;
    switch (call.path) {
      case "/api/v1/ui/bootstrap":
        return { body: bootstrap };
      case "/api/v1/ui/objects/deal":
        return { body: ui };
      case "/api/v1/records/deal/d1":
        return { body: server.record ?? dealRecord() };
      case "/api/v1/records/deal/d1/approval":
        return { body: server.approval ?? noApproval };
      case "/api/v1/records/deal/d1/history":
        return { body: { entries: [] } };
      case "/api/v1/records/user":
        return { body: userList };
      default:
        return undefined;
    }
  };
};
