import { App } from "antd";
import { useCallback } from "react";
import { Link } from "react-router-dom";
import { useDuplicateText } from "./duplicate-texts.js";

/** A possible duplicate an alert rule found when a record was saved (only records the user may see). */
export interface PossibleDuplicate {
  rule: string;
  id: string;
  name: string;
}

/** The `_duplicates` a create or update answer carries when an alert rule matched. */
export const possibleDuplicatesOf = (saved: unknown): PossibleDuplicate[] => {
  if (typeof saved !== "object" || saved === null) return [];
  const found = (saved as { _duplicates?: unknown })._duplicates;
  if (!Array.isArray(found)) return [];
  return found.filter(
    (d): d is PossibleDuplicate =>
      typeof d === "object" && d !== null && typeof d.id === "string" && typeof d.name === "string",
  );
};

/**
 * Tells the user, after a save went through, which visible records an alert duplicate rule
 * matched. A notification, not a form message: it stays while the page moves on to the record.
 * DOM contract: the notification carries `data-testid="possible-duplicates"`.
 */
export const useDuplicateNotice = () => {
  const t = useDuplicateText();
  const { notification } = App.useApp();
  return useCallback(
    (object: string, saved: unknown) => {
      const duplicates = possibleDuplicatesOf(saved);
      if (duplicates.length === 0) return;
      const key = `duplicates:${object}`;
      notification.warning({
        key,
        title: t("notice.title"),
        duration: 0,
        props: { "data-testid": "possible-duplicates" },
        description: (
          <>
            <p style={{ margin: "0 0 4px" }}>{t("notice.text", { count: duplicates.length })}</p>
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {duplicates.map((duplicate) => (
                <li key={duplicate.id}>
                  <Link
                    to={`/o/${encodeURIComponent(object)}/${encodeURIComponent(duplicate.id)}`}
                    onClick={() => notification.destroy(key)}
                  >
                    {duplicate.name}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ),
      });
    },
    [notification, t],
  );
};
