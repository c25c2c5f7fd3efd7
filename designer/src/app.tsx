import { LocaleProvider, SessionProvider, SignInPage, useLocale, useSession } from "@tessera/runtime";
import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import "antd/dist/antd.css";
import { BrowserRouter, Navigate, Route, Routes } from "react-router-dom";
import { DraftProvider } from "./draft/draft-context.js";
import { DocumentsPage } from "./editing/documents-page.js";
import { DESIGNER_ROUTES } from "./pages/designer-routes.js";
import { DesignerShell } from "./shell/designer-shell.js";
import { NotAllowed } from "./shell/not-allowed.js";

/** The designer's screens for a signed-in user (the router around them is the caller's). */
export const DesignerScreens = () => {
  const { bootstrap, loading } = useSession();
  if (loading) return <Spin fullscreen />;
  if (bootstrap === undefined) return <SignInPage />;
  // Nothing of the draft is asked for without the permission (the API would refuse it anyway).
  if (!bootstrap.user.manageMetadata) return <NotAllowed />;
  return (
    <DraftProvider>
      <Routes>
        <Route element={<DesignerShell />}>
          <Route index element={<Navigate to="/objects" replace />} />
          {DESIGNER_ROUTES.map(({ path, element }) => (
            <Route key={path} path={path} element={element} />
          ))}
          <Route path="json" element={<DocumentsPage />} />
          <Route path="*" element={<Navigate to="/objects" replace />} />
        </Route>
      </Routes>
    </DraftProvider>
  );
};

const Themed = () => {
  const { locale } = useLocale();
  dayjs.locale(locale === "zh-CN" ? "zh-cn" : "en");
  return (
    <ConfigProvider locale={locale === "zh-CN" ? zhCN : enUS} theme={{ zeroRuntime: true }}>
      <AntApp>
        <SessionProvider>
          <DesignerScreens />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
};

/** The designer: the same session and language as the app at `/`, its own screens under /designer. */
export const App = () => (
  <LocaleProvider>
    <BrowserRouter basename="/designer">
      <Themed />
    </BrowserRouter>
  </LocaleProvider>
);
