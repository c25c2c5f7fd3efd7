import type { MetadataDocument } from "@tessera/metadata";

/**
 * What the demo tenant adds to the standard objects so its screens are ready to use: a Sales app,
 * list views, a deal review approval the admin can try alone, and its notification. The `sales`
 * template (issue 8) replaces this with roles, users and the full discount approval.
 */
export const DEMO_DOCUMENTS: readonly MetadataDocument[] = [
  {
    kind: "app",
    name: "sales",
    label: { en: "Sales", "zh-CN": "销售" },
    navigation: [
      { type: "page", page: "home" },
      { type: "page", page: "approvals" },
      { type: "object", object: "lead" },
      { type: "object", object: "account" },
      { type: "object", object: "contact" },
      { type: "object", object: "opportunity" },
      { type: "object", object: "quote" },
      { type: "object", object: "product" },
      { type: "object", object: "case" },
      { type: "object", object: "task" },
    ],
  },
  {
    kind: "listView",
    name: "openOpportunities",
    object: "opportunity",
    label: { en: "Open opportunities", "zh-CN": "进行中的商机" },
    columns: ["name", "account", "stage", "amount", "closeDate"],
    filter: { "==": [{ var: "isClosed" }, false] },
    sort: [{ field: "closeDate", direction: "asc" }],
  },
  {
    kind: "listView",
    name: "myOpportunities",
    object: "opportunity",
    label: { en: "My opportunities", "zh-CN": "我的商机" },
    columns: ["name", "account", "stage", "amount", "closeDate"],
    scope: "mine",
    sort: [{ field: "closeDate", direction: "asc" }],
  },
  {
    kind: "template",
    name: "dealReviewed",
    label: { en: "Deal reviewed", "zh-CN": "大额商机审批完成" },
    object: "opportunity",
    purpose: "notification",
    subject: {
      en: "{{record.name}}: review {{extra.status}}",
      "zh-CN": "{{record.name}}：审批{{extra.status}}",
    },
    body: {
      en: "{{display.amount}} with {{display.account}}.",
      "zh-CN": "{{display.account}}，金额 {{display.amount}}。",
    },
  },
  {
    kind: "template",
    name: "caseTitle",
    label: { en: "Case title", "zh-CN": "工单标题" },
    object: "case",
    purpose: "recordTitle",
    body: { en: "{{record.caseNumber}} · {{record.subject}}" },
  },
  {
    kind: "template",
    name: "dealSheet",
    label: { en: "Deal sheet", "zh-CN": "商机概要" },
    object: "opportunity",
    purpose: "print",
    body: {
      en: "<h1>{{record.name}}</h1><table><tr><th>{{labels.account}}</th><td>{{display.account}}</td></tr><tr><th>{{labels.stage}}</th><td>{{display.stage}}</td></tr><tr><th>{{labels.amount}}</th><td>{{display.amount}}</td></tr><tr><th>{{labels.closeDate}}</th><td>{{display.closeDate}}</td></tr><tr><th>{{labels.ownerId}}</th><td>{{owner.name}}</td></tr></table><p>{{display.description}}</p>",
    },
  },
  {
    kind: "approvalProcess",
    name: "largeDealReview",
    object: "opportunity",
    label: { en: "Large deal review", "zh-CN": "大额商机审批" },
    active: true,
    priority: 1,
    entryCriteria: { ">=": [{ var: "amount" }, 1_000_000] },
    lockRecord: true,
    allowRecall: true,
    steps: [
      {
        name: "salesLead",
        label: { en: "Sales lead", "zh-CN": "销售负责人" },
        approvers: [{ type: "user", user: "admin" }],
        decision: "firstResponse",
        onReject: "final",
      },
    ],
    actions: {
      onFinalApprove: [
        { type: "notify", template: "dealReviewed", to: [{ type: "submitter" }, { type: "owner" }] },
      ],
      onFinalReject: [{ type: "notify", template: "dealReviewed", to: [{ type: "submitter" }] }],
    },
  },
];
