import { Alert, Button, Card, Form, Input, Select, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../api/http.js";
import { useLocale } from "../i18n/locale-context.js";
import { useSession } from "./session-context.js";

interface Credentials {
  tenant: string;
  username: string;
  password: string;
}

/** The sign-in page: tenant, username, password; the language can be chosen before signing in. */
export const SignInPage = () => {
  const { t, locale, setLocale } = useLocale();
  const { signIn } = useSession();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.tenant.trim(), values.username.trim(), values.password);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? t("signIn.failed") : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="sign-in">
      <Card style={{ width: 380 }}>
        <Typography.Title level={2}>{t("app.title")}</Typography.Title>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t("signIn.title")}
        </Typography.Title>
        {error !== undefined && (
          <Alert type="error" role="alert" title={error} style={{ marginBottom: 16 }} />
        )}
        <Form<Credentials>
          layout="vertical"
          initialValues={{ tenant: "demo" }}
          onFinish={submit}
          requiredMark={false}
        >
          <Form.Item label={t("signIn.tenant")} name="tenant" rules={[{ required: true }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item label={t("signIn.username")} name="username" rules={[{ required: true }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t("signIn.password")} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("signIn.submit")}
          </Button>
        </Form>
        <Select
          aria-label={t("shell.language")}
          value={locale}
          onChange={setLocale}
          style={{ marginTop: 16, width: 140 }}
          options={[
            { value: "en", label: "English" },
            { value: "zh-CN", label: "简体中文" },
          ]}
        />
      </Card>
    </main>
  );
};
