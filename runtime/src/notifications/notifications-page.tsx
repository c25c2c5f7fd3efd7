import { Badge, Button, List, Space, Switch, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, get } from "../api/http.js";
import { LoadError, Loading, Nothing } from "../common/page-state.js";
import { useLocale } from "../i18n/locale-context.js";
import { useNotificationText } from "./notification-texts.js";

export interface NotificationItem {
  id: string;
  at: string;
  title: string;
  body: string;
  object?: string;
  recordId?: string;
  readAt?: string;
}

interface NotificationPage {
  notifications: NotificationItem[];
  unread: number;
  nextCursor: string | null;
}

const PAGE = 25;

/** The user's in-app notifications, newest first: open the record, mark read one by one or all. */
export const NotificationsPage = () => {
  const t = useNotificationText();
  const { locale } = useLocale();
  const [items, setItems] = useState<NotificationItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const [onlyUnread, setOnlyUnread] = useState(false);
  const [state, setState] = useState<{ loading: boolean; error?: unknown }>({ loading: true });

  const load = useCallback(
    async (after: string | null) => {
      setState({ loading: true });
      try {
        const query = `limit=${PAGE}${onlyUnread ? "&unread=true" : ""}${after === null ? "" : `&cursor=${encodeURIComponent(after)}`}`;
        const page = await get<NotificationPage>(`/api/v1/notifications?${query}`);
        setItems((previous) => (after === null ? page.notifications : [...previous, ...page.notifications]));
        setCursor(page.nextCursor);
        setUnread(page.unread);
        setState({ loading: false });
      } catch (error) {
        setState({ loading: false, error });
      }
    },
    [onlyUnread],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  const markRead = async (ids?: string[]) => {
    const result = await api<{ unread: number }>("POST", "/api/v1/notifications/read", {
      body: ids === undefined ? {} : { ids },
    });
    const now = new Date().toISOString();
    setItems((list) =>
      onlyUnread
        ? list.filter((n) => ids !== undefined && !ids.includes(n.id))
        : list.map((n) => (ids === undefined || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)),
    );
    setUnread(result.unread);
  };

  if (state.error !== undefined && items.length === 0)
    return <LoadError error={state.error} onRetry={() => void load(null)} />;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="notifications-title">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 16 }} wrap>
        <Typography.Title level={2} id="notifications-title" style={{ margin: 0 }}>
          {t("notifications.title")}{" "}
          <Badge count={unread} aria-label={t("notifications.unread", { count: unread })} />
        </Typography.Title>
        <Space>
          <Switch checked={onlyUnread} onChange={setOnlyUnread} aria-label={t("notifications.onlyUnread")} />
          <span>{t("notifications.onlyUnread")}</span>
          <Button onClick={() => void markRead()} disabled={unread === 0}>
            {t("notifications.markAllRead")}
          </Button>
        </Space>
      </Space>
      {state.loading && items.length === 0 ? (
        <Loading />
      ) : items.length === 0 ? (
        <Nothing description={t("notifications.none")} />
      ) : (
        <List
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              className={n.readAt === undefined ? "notification-unread" : undefined}
              actions={[
                ...(n.object !== undefined && n.recordId !== undefined
                  ? [
                      <Link key="open" to={`/o/${n.object}/${encodeURIComponent(n.recordId)}`}>
                        {t("notifications.open")}
                      </Link>,
                    ]
                  : []),
                ...(n.readAt === undefined
                  ? [
                      <Button key="read" size="small" onClick={() => void markRead([n.id])}>
                        {t("notifications.markRead")}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <span>
                    {n.readAt === undefined && <Badge status="processing" />} {n.title}
                  </span>
                }
                description={
                  <>
                    <div style={{ whiteSpace: "pre-wrap" }}>{n.body}</div>
                    <Typography.Text type="secondary">{when.format(new Date(n.at))}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {cursor !== null && (
        <Button onClick={() => void load(cursor)} loading={state.loading} style={{ marginTop: 12 }}>
          {t("notifications.more")}
        </Button>
      )}
    </section>
  );
};
