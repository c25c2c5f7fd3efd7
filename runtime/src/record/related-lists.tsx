import type { Layout } from "@tessera/metadata";
import { Space } from "antd";
import type { RelatedListInfo } from "../api/types.js";
import { Nothing } from "../common/page-state.js";
import { useRecordText } from "./record-text.js";
import { RelatedListCard } from "./related-list-card.js";
import { relatedListPlans } from "./related-list-plan.js";

/** The related lists of a record, one card per child object pointing to it. */
export const RelatedLists = ({
  available,
  layout,
  parentObject,
  parentId,
}: {
  available: readonly RelatedListInfo[];
  layout: Layout | undefined;
  parentObject: string;
  parentId: string;
}) => {
  const t = useRecordText();
  const plans = relatedListPlans(available, layout, parentObject);
  if (plans.length === 0) return <Nothing description={t("related.none")} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {plans.map((plan) => (
        <RelatedListCard key={`${plan.object}.${plan.field}`} plan={plan} parentId={parentId} />
      ))}
    </Space>
  );
};
