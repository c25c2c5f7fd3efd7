import type { BeforeSaveHook } from "@tessera/engine";
import { MESSAGES, say } from "./messages.js";
import { idOf, numberOf } from "./record-values.js";

/**
 * A quote line of a quote with a price book takes the product's list price from that price book,
 * and its unit price too when none was entered; a product the price book does not sell is
 * refused. Lines of quotes without a price book are left as entered.
 */
export const priceQuoteLine: BeforeSaveHook = async (event, ctx) => {
  const product = idOf(event.values.product);
  const quoteId = idOf(event.values.quote);
  if (product === undefined || quoteId === undefined) return;
  const unchanged =
    event.operation === "update" &&
    idOf(event.previous?.product) === product &&
    idOf(event.previous?.quote) === quoteId;
  if (unchanged) return;
  const quote = await ctx.records.get("quote", quoteId).catch((error: unknown) => {
    // A quote the user cannot see is the engine's to refuse, with its own answer.
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  });
  const priceBook = idOf(quote?.priceBook);
  if (priceBook === undefined) return;
  const [entry] = await ctx.records.list("priceBookEntry", {
    filter: {
      and: [
        { "==": [{ var: "priceBook" }, priceBook] },
        { "==": [{ var: "product" }, product] },
        { "==": [{ var: "active" }, true] },
      ],
    },
    limit: 1,
  });
  const listPrice = numberOf(entry?.listPrice);
  if (listPrice === undefined) {
    return ctx.fail({
      path: "/product",
      code: "plugin.sales.notInPriceBook",
      message: say(ctx.user.locale, MESSAGES.notInPriceBook),
    });
  }
  event.values.listPrice = listPrice;
  if (event.values.unitPrice === undefined) event.values.unitPrice = listPrice;
};
