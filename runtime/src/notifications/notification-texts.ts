import { defineMessages } from "../i18n/define-messages.js";

export const useNotificationText = defineMessages(
  {
    "notifications.title": "Notifications",
    "notifications.unread": "{count} unread",
    "notifications.markRead": "Mark read",
    "notifications.markAllRead": "Mark all read",
    "notifications.onlyUnread": "Only unread",
    "notifications.more": "Load more",
    "notifications.open": "Open record",
    "notifications.none": "No notifications",
  },
  {
    "notifications.title": "通知",
    "notifications.unread": "{count} 条未读",
    "notifications.markRead": "标为已读",
    "notifications.markAllRead": "全部标为已读",
    "notifications.onlyUnread": "仅未读",
    "notifications.more": "加载更多",
    "notifications.open": "打开记录",
    "notifications.none": "暂无通知",
  },
);
