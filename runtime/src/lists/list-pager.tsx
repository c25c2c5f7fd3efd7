import { LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Button, Select, Space, Typography } from "antd";
import { pageSizeChoices } from "./list-query.js";
import { useListText } from "./list-texts.js";

interface ListPagerProps {
  /** 0 on the first page. */
  pageIndex: number;
  pageSize: number;
  /** Rows on this page. */
  shown: number;
  total: number | undefined;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
}

/** "1–25 of 132", Previous / Next over cursors, and the page size. */
export const ListPager = ({
  pageIndex,
  pageSize,
  shown,
  total,
  hasNext,
  onPrevious,
  onNext,
  onPageSize,
}: ListPagerProps) => {
  const t = useListText();
  const start = shown === 0 ? 0 : pageIndex * pageSize + 1;
  const end = pageIndex * pageSize + shown;
  return (
    <nav aria-label={t("list.pagination")} style={{ display: "flex", justifyContent: "flex-end" }}>
      <Space wrap>
        <Typography.Text role="status" aria-live="polite">
          {total === undefined ? t("list.rangeOpen", { start, end }) : t("list.range", { start, end, total })}
        </Typography.Text>
        <Button icon={<LeftOutlined />} disabled={pageIndex === 0} onClick={onPrevious}>
          {t("list.previous")}
        </Button>
        <Button disabled={!hasNext} onClick={onNext}>
          {t("list.next")}
          <RightOutlined />
        </Button>
        <Select<number>
          aria-label={t("list.pageSize")}
          value={pageSize}
          onChange={onPageSize}
          options={pageSizeChoices(pageSize).map((size) => ({
            value: size,
            label: t("list.perPage", { size }),
          }))}
          style={{ width: 120 }}
        />
      </Space>
    </nav>
  );
};
