import { defineMessages } from "@tessera/runtime";

/** The validation rules editor. */
export const useRulesText = defineMessages(
  {
    "rules.hint": "A record is refused while one of these conditions holds; the message tells the user why.",
    "rules.empty": "No validation rules yet.",
    "rules.add": "Add rule",
    "rules.remove": "Remove rule",
    "rules.move": "Move rule {name}",
    "rule.label": "Rule {name}",
    "rule.name": "API name",
    "rule.description": "Description",
    "rule.active": "Active",
    "rule.errorWhen": "Error when",
    "rule.message": "Error message",
    "rule.field": "Show the error on",
    "rule.wholeRecord": "The record as a whole",
  },
  {
    "rules.hint": "当以下任一条件成立时，记录将被拒绝；消息会告诉用户原因。",
    "rules.empty": "尚无验证规则。",
    "rules.add": "添加规则",
    "rules.remove": "移除规则",
    "rules.move": "移动规则 {name}",
    "rule.label": "规则 {name}",
    "rule.name": "API 名称",
    "rule.description": "描述",
    "rule.active": "启用",
    "rule.errorWhen": "出错条件",
    "rule.message": "错误消息",
    "rule.field": "错误显示在",
    "rule.wholeRecord": "整条记录",
  },
);
