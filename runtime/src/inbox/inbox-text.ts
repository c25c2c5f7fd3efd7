import { defineMessages } from "../i18n/define-messages.js";

export const useInboxText = defineMessages(
  {
    "inbox.title": "Approvals",
    "inbox.caption": "Approval requests waiting for your decision",
    "inbox.record": "Record",
    "inbox.object": "Object",
    "inbox.process": "Process",
    "inbox.step": "Step",
    "inbox.submittedBy": "Submitted by",
    "inbox.submittedAt": "Submitted at",
    "inbox.actions": "Actions",
    "inbox.empty": "Nothing waits for your approval",
    "inbox.approveRecord": "Approve {name}",
    "inbox.rejectRecord": "Reject {name}",
  },
  {
    "inbox.title": "审批",
    "inbox.caption": "等待您审批的请求",
    "inbox.record": "记录",
    "inbox.object": "对象",
    "inbox.process": "审批流程",
    "inbox.step": "步骤",
    "inbox.submittedBy": "提交人",
    "inbox.submittedAt": "提交时间",
    "inbox.actions": "操作",
    "inbox.empty": "没有等待您审批的请求",
    "inbox.approveRecord": "批准 {name}",
    "inbox.rejectRecord": "拒绝 {name}",
  },
);
