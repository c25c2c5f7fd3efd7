import type { Locale } from "@tessera/metadata";

/** Every text of the runtime's own chrome, in both languages; labels of data come from metadata. */
const en = {
  "app.title": "Tessera",
  "signIn.title": "Sign in",
  "signIn.tenant": "Tenant",
  "signIn.username": "Username",
  "signIn.password": "Password",
  "signIn.submit": "Sign in",
  "signIn.failed": "Wrong tenant, username or password.",
  "shell.search": "Search records",
  "shell.signOut": "Sign out",
  "shell.language": "Language",
  "shell.notifications": "Notifications",
  "shell.approvals": "Approvals",
  "shell.reports": "Reports",
  "shell.home": "Home",
  "home.title": "Welcome, {name}",
  "home.objects": "Your objects",
  "common.loading": "Loading…",
  "common.error": "Something went wrong",
  "common.retry": "Retry",
  "common.new": "New",
  "common.edit": "Edit",
  "common.delete": "Delete",
  "common.save": "Save",
  "common.cancel": "Cancel",
  "common.back": "Back",
  "common.noData": "Nothing here yet",
  "common.notFound": "This page does not exist, or you may not see it.",
  "common.yes": "Yes",
  "common.no": "No",
} as const;

export type MessageKey = keyof typeof en;

const zhCN: Record<MessageKey, string> = {
  "app.title": "Tessera",
  "signIn.title": "登录",
  "signIn.tenant": "租户",
  "signIn.username": "用户名",
  "signIn.password": "密码",
  "signIn.submit": "登录",
  "signIn.failed": "租户、用户名或密码错误。",
  "shell.search": "搜索记录",
  "shell.signOut": "退出登录",
  "shell.language": "语言",
  "shell.notifications": "通知",
  "shell.approvals": "审批",
  "shell.reports": "报表",
  "shell.home": "首页",
  "home.title": "欢迎，{name}",
  "home.objects": "您的对象",
  "common.loading": "加载中…",
  "common.error": "出错了",
  "common.retry": "重试",
  "common.new": "新建",
  "common.edit": "编辑",
  "common.delete": "删除",
  "common.save": "保存",
  "common.cancel": "取消",
  "common.back": "返回",
  "common.noData": "暂无数据",
  "common.notFound": "该页面不存在，或您无权查看。",
  "common.yes": "是",
  "common.no": "否",
};

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

/** `{name}` placeholders replaced by `params` (plain text: React escapes it when rendered). */
export const format = (text: string, params: Record<string, string | number> = {}): string =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
