import {
  ApartmentOutlined,
  AppstoreOutlined,
  BranchesOutlined,
  CloudUploadOutlined,
  CodeOutlined,
  DesktopOutlined,
  LogoutOutlined,
  SafetyOutlined,
  ShareAltOutlined,
  TeamOutlined,
  ThunderboltOutlined,
} from "@ant-design/icons";
import { useBootstrap, useLocale, useSession } from "@tessera/runtime";
import { Alert, Button, Layout, Menu, Select, Space, Spin, Typography } from "antd";
import type { ReactNode } from "react";
import { Link, Outlet, useLocation } from "react-router-dom";
import { useDraft } from "../draft/draft-context.js";
import { useDesignerText } from "../i18n/designer-texts.js";

type NavKey = Parameters<ReturnType<typeof useDesignerText>>[0];

const NAV: ReadonlyArray<{ path: string; key: NavKey; icon: ReactNode }> = [
  { path: "/objects", key: "nav.objects", icon: <AppstoreOutlined /> },
  { path: "/apps", key: "nav.apps", icon: <DesktopOutlined /> },
  { path: "/permissions", key: "nav.permissions", icon: <SafetyOutlined /> },
  { path: "/roles", key: "nav.roles", icon: <ApartmentOutlined /> },
  { path: "/sharing-rules", key: "nav.sharing", icon: <ShareAltOutlined /> },
  { path: "/users", key: "nav.users", icon: <TeamOutlined /> },
  { path: "/approvals", key: "nav.approvals", icon: <BranchesOutlined /> },
  { path: "/automations", key: "nav.automations", icon: <ThunderboltOutlined /> },
  { path: "/publish", key: "nav.publish", icon: <CloudUploadOutlined /> },
  { path: "/json", key: "nav.json", icon: <CodeOutlined /> },
];

/** The draft's state around every editor: loading, failure, or the page. */
const DraftGate = () => {
  const draft = useDraft();
  const t = useDesignerText();
  if (draft.loading) return <Spin />;
  if (draft.error !== undefined)
    return (
      <Alert
        type="error"
        showIcon
        title={t("page.loadFailed")}
        action={<Button onClick={() => void draft.reload()}>{t("page.retry")}</Button>}
      />
    );
  return <Outlet />;
};

/** The frame of the designer: navigation by area, language, a way back to the app, sign out. */
export const DesignerShell = () => {
  const bootstrap = useBootstrap();
  const { signOut, changeLocale } = useSession();
  const { locale } = useLocale();
  const t = useDesignerText();
  const location = useLocation();
  const selected = NAV.filter(
    (n) => location.pathname === n.path || location.pathname.startsWith(`${n.path}/`),
  ).map((n) => n.path);
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header className="shell-header">
        <Link to="/objects" className="shell-brand">
          {t("app.title")}
        </Link>
        <Space style={{ marginLeft: "auto" }}>
          <Select
            aria-label={t("nav.language")}
            value={locale}
            onChange={(next) => void changeLocale(next)}
            options={[
              { value: "en", label: "English" },
              { value: "zh-CN", label: "简体中文" },
            ]}
            style={{ width: 120 }}
          />
          <a href="/" className="shell-link">
            {t("nav.runtime")}
          </a>
          <Typography.Text style={{ color: "#fff" }}>{bootstrap.user.name}</Typography.Text>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t("nav.signOut")}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} theme="light" breakpoint="lg" collapsedWidth={0}>
          <nav aria-label={t("app.title")}>
            <Menu
              mode="inline"
              selectedKeys={selected}
              items={NAV.map((n) => ({
                key: n.path,
                icon: n.icon,
                label: <Link to={n.path}>{t(n.key)}</Link>,
              }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="shell-content">
          <DraftGate />
        </Layout.Content>
      </Layout>
    </Layout>
  );
};
