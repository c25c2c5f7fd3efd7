import type { PluginContext, PluginRequest, PluginResponse, TesseraPlugin } from "@tessera/engine";
import { touchLeadOnActivity } from "./lead-activity.js";
import { applyLeadChanges } from "./lead-changes.js";
import { convertLead, parseConvertRequest } from "./lead-conversion.js";
import { claimLead, recycleAllPools, recyclePoolNow, returnLead } from "./lead-pool.js";
import { priceQuoteLine } from "./quote-line-pricing.js";
import { followStageProbability } from "./stage-probability.js";

const idParam = (request: PluginRequest): string => request.params.id ?? "";

const reasonOf = (body: unknown): unknown =>
  typeof body === "object" && body !== null && !Array.isArray(body)
    ? (body as { reason?: unknown }).reason
    : undefined;

const ok = (body: PluginResponse["body"]): PluginResponse => ({ status: 200, body });

/**
 * The sales template's server side: lead conversion, claiming from and returning to lead pools,
 * recycling untouched leads (a route for pool owners and an hourly job), quote line pricing from
 * price books, probabilities that follow the stage, and completed activities counting as lead
 * follow-ups.
 */
export const plugin: TesseraPlugin = {
  name: "sales",
  setup(api) {
    api.beforeSave("lead", applyLeadChanges);
    api.beforeSave("opportunity", followStageProbability);
    api.beforeSave("quoteLine", priceQuoteLine);
    api.afterSave("task", touchLeadOnActivity);

    api.route("post", "/leads/:id/convert", async (request, ctx: PluginContext) => {
      const converted = await convertLead(ctx, idParam(request), parseConvertRequest(ctx, request.body));
      // The record page opens what the lead became: the new opportunity, else the account.
      const navigate =
        converted.opportunity === null
          ? { object: "account", id: converted.account }
          : { object: "opportunity", id: converted.opportunity };
      return ok({ ...converted, navigate });
    });
    api.route("post", "/leads/:id/claim", async (request, ctx) =>
      ok({ lead: await claimLead(ctx, idParam(request)) }),
    );
    api.route("post", "/leads/:id/return", async (request, ctx) =>
      ok({ lead: await returnLead(ctx, idParam(request), reasonOf(request.body)) }),
    );
    api.route("post", "/pools/:id/recycle", async (request, ctx) => {
      const outcome = await recyclePoolNow(ctx, idParam(request));
      return ok({ pool: idParam(request), recycled: outcome.recycled, failed: outcome.failed });
    });

    api.job("recycleLeads", { everyMinutes: 60, run: recycleAllPools });
  },
};
