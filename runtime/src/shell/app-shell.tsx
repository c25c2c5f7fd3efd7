import { BellOutlined, LogoutOutlined } from "@ant-design/icons";
import { Badge, Button, Input, Layout, Menu, Select, Space, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { get } from "../api/http.js";
import { useAllowClear } from "../common/clear-button.js";
import { useLocale } from "../i18n/locale-context.js";
import type { MessageKey } from "../i18n/messages.js";
import { useBootstrap, useSession } from "../session/session-context.js";
import { navEntries } from "./navigation.js";

const APP_KEY = "tessera.app";
const PAGE_KEYS: Record<string, MessageKey> = {
  approvals: "shell.approvals",
  home: "shell.home",
  reports: "shell.reports",
};

/** Polls the unread count so the bell shows new notifications without a reload. */
const useUnreadCount = (): number => {
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () =>
      get<{ unread: number }>("/api/v1/notifications?limit=1")
        .then((r) => alive && setUnread(r.unread))
        .catch(() => {});
    void load();
    const timer = setInterval(load, 30_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);
  return unread;
};

/** The frame around every page: app switcher, navigation, global search, language, notifications. */
export const AppShell = () => {
  const bootstrap = useBootstrap();
  const { signOut, changeLocale } = useSession();
  const { t, label, locale } = useLocale();
  const allowClear = useAllowClear();
  const navigate = useNavigate();
  const location = useLocation();
  const unread = useUnreadCount();
  const [appName, setAppName] = useState(() => localStorage.getItem(APP_KEY) ?? bootstrap.apps[0]?.name);
  const app = bootstrap.apps.find((a) => a.name === appName) ?? bootstrap.apps[0];
  const entries = useMemo(
    () =>
      app === undefined
        ? []
        : navEntries(app, bootstrap, label, (page) =>
            page in PAGE_KEYS ? t(PAGE_KEYS[page] as MessageKey) : page,
          ),
    [app, bootstrap, label, t],
  );
  const selected = entries
    .filter(
      (e) =>
        location.pathname === e.path.split("?")[0] ||
        location.pathname.startsWith(`${e.path.split("?")[0]}/`),
    )
    .map((e) => e.key);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="shell-header">
        <Link to="/" className="shell-brand">
          {t("app.title")}
        </Link>
        {bootstrap.apps.length > 1 && (
          <Select
            aria-label="App"
            value={app?.name}
            onChange={(name: string) => {
              localStorage.setItem(APP_KEY, name);
              setAppName(name);
            }}
            options={bootstrap.apps.map((a) => ({ value: a.name, label: label(a.label, a.name) }))}
            style={{ minWidth: 160 }}
          />
        )}
        <Input.Search
          aria-label={t("shell.search")}
          placeholder={t("shell.search")}
          allowClear={allowClear}
          onSearch={(q) => q.trim() !== "" && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
          style={{ maxWidth: 360 }}
        />
        <Space style={{ marginLeft: "auto" }}>
          <Select
            aria-label={t("shell.language")}
            value={locale}
            onChange={(next) => void changeLocale(next)}
            options={[
              { value: "en", label: "English" },
              { value: "zh-CN", label: "简体中文" },
            ]}
            style={{ width: 120 }}
          />
          <Link to="/notifications" aria-label={`${t("shell.notifications")} (${unread})`}>
            <Badge count={unread} size="small">
              <BellOutlined style={{ fontSize: 18, color: "#fff" }} />
            </Badge>
          </Link>
          <Typography.Text style={{ color: "#fff" }}>{bootstrap.user.name}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t("shell.signOut")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label={app === undefined ? "Navigation" : label(app.label, app.name)}>
            <Menu
              mode="inline"
              selectedKeys={selected}
              items={entries.map((e) => ({ key: e.key, label: <Link to={e.path}>{e.label}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="shell-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
