import type { BeforeSaveHook, PluginUser } from "@tessera/engine";
import { MIN_RATING } from "./rating-field-type.js";

/** Ratings this low are only useful with the customer's reason. */
export const LOW_RATING = 2;

const COMMENT_NEEDED: { readonly [L in PluginUser["locale"]]: string } = {
  en: "A rating of 1 or 2 stars needs a comment: note what went wrong.",
  "zh-CN": "评分为 1 或 2 星时必须填写评论，请说明问题所在。",
};

/**
 * A comment as people mean it: no spaces at either end of it or of its lines, runs of spaces and
 * tabs as one space, Windows line breaks as plain ones and at most one empty line in a row.
 * Nothing but whitespace is no comment at all.
 */
export const normalizeComment = (text: string): string | undefined => {
  const normalized = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return normalized === "" ? undefined : normalized;
};

/**
 * Before a feedback record is written: its comment is normalised, and a rating of 1 or 2 without
 * a comment is refused at `/comment`, in the language of the person saving (the rule runs on
 * every write, so an update that removes the comment of a low rating is refused too).
 */
export const feedbackBeforeSave: BeforeSaveHook = (event, ctx) => {
  const { values } = event;
  if (typeof values.comment === "string") {
    const comment = normalizeComment(values.comment);
    if (comment === undefined) delete values.comment;
    else values.comment = comment;
  }
  const rating = values.rating;
  const hasComment = typeof values.comment === "string";
  // Ratings out of range are the field type's to refuse, at /rating.
  if (typeof rating === "number" && rating >= MIN_RATING && rating <= LOW_RATING && !hasComment) {
    ctx.fail({
      path: "/comment",
      code: "plugin.customer-feedback.commentRequired",
      message: COMMENT_NEEDED[ctx.user.locale],
    });
  }
};
