import { Card, List, Typography } from "antd";
import { Link } from "react-router-dom";
import { useLocale } from "../i18n/locale-context.js";
import { useBootstrap } from "../session/session-context.js";

/** The start page: a greeting and every object the user may read. */
export const HomePage = () => {
  const bootstrap = useBootstrap();
  const { t, label } = useLocale();
  const objects = bootstrap.objects.filter((o) => o.name !== "recordShare");
  return (
    <section aria-labelledby="home-title">
      <Typography.Title level={2} id="home-title">
        {t("home.title", { name: bootstrap.user.name })}
      </Typography.Title>
      <Card title={t("home.objects")}>
        <List
          grid={{ gutter: 12, xs: 1, sm: 2, md: 3, lg: 4 }}
          dataSource={objects}
          renderItem={(object) => (
            <List.Item>
              <Link to={`/o/${object.name}`}>{label(object.pluralLabel ?? object.label, object.name)}</Link>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
};
