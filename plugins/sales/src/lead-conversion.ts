import type { PluginContext, PluginProblem } from "@tessera/engine";
import type { JsonObject, JsonValue } from "@tessera/metadata";
import { withLeadChanges } from "./lead-changes.js";
import { MESSAGES, type Message, say } from "./messages.js";
import { dayOf, daysAfter, textOf } from "./record-values.js";

/** The body of `POST /leads/:id/convert`. */
export interface ConvertRequest {
  /** The new opportunity's name; "<company>: new business" when absent. */
  opportunityName?: string;
  /** false: an account and a contact only. */
  createOpportunity?: boolean;
  /** Attach the contact (and opportunity) to this existing account instead of creating one. */
  accountId?: string;
  /** The opportunity's close date; 90 days from today when absent. */
  closeDate?: string;
}

export interface ConvertedLead {
  account: string;
  contact: string;
  opportunity: string | null;
}

const SETTINGS: Readonly<Record<keyof ConvertRequest, "string" | "boolean" | "date">> = {
  opportunityName: "string",
  createOpportunity: "boolean",
  accountId: "string",
  closeDate: "date",
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const KIND_MESSAGES: Readonly<Record<"string" | "boolean" | "date", Message>> = {
  string: MESSAGES.notText,
  boolean: MESSAGES.notBoolean,
  date: MESSAGES.notDate,
};

/** Checks the request body; every problem is reported at once and nothing is written. */
export const parseConvertRequest = (ctx: PluginContext, body: unknown): ConvertRequest => {
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body))
    return ctx.fail({ path: "", message: say(ctx.user.locale, MESSAGES.notAnObject) });
  const problems: PluginProblem[] = [];
  const request: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const kind = Object.hasOwn(SETTINGS, key) ? SETTINGS[key as keyof ConvertRequest] : undefined;
    const fits =
      kind === "boolean"
        ? typeof value === "boolean"
        : typeof value === "string" && value !== "" && (kind !== "date" || DATE.test(value));
    if (kind === undefined)
      problems.push({ path: `/${key}`, message: say(ctx.user.locale, MESSAGES.unknownSetting) });
    else if (!fits) problems.push({ path: `/${key}`, message: say(ctx.user.locale, KIND_MESSAGES[kind]) });
    else request[key] = value;
  }
  if (problems.length > 0) ctx.fail(problems);
  return request as ConvertRequest;
};

/** Copies the lead's values that are set, under the target object's field names. */
const pick = (lead: JsonObject, fields: Readonly<Record<string, string>>): JsonObject => {
  const values: JsonObject = {};
  for (const [from, to] of Object.entries(fields)) {
    const value = lead[from];
    if (value !== undefined && value !== null && value !== "") values[to] = value as JsonValue;
  }
  return values;
};

const defaultOpportunityName = (ctx: PluginContext, company: string): string =>
  say(ctx.user.locale, { en: `${company}: new business`, "zh-CN": `${company} - 新商机` });

const existingAccount = async (ctx: PluginContext, id: string): Promise<JsonObject> => {
  try {
    return await ctx.records.get("account", id);
  } catch (error) {
    if ((error as { status?: unknown }).status === 404)
      ctx.fail({ path: "/accountId", message: say(ctx.user.locale, MESSAGES.noSuchAccount) });
    throw error;
  }
};

/**
 * Converts a lead into an account (or attaches it to an existing one), a contact and, unless asked
 * not to, an opportunity, then marks the lead converted with links to them. Everything runs with
 * the caller's rights. Should a step fail, what the conversion created is deleted again and the
 * error goes to the caller: a refused conversion leaves no half-converted lead behind.
 */
export const convertLead = async (
  ctx: PluginContext,
  leadId: string,
  request: ConvertRequest,
): Promise<ConvertedLead> => {
  const lead = await ctx.records.get("lead", leadId);
  if (lead.status === "converted")
    ctx.fail({
      path: "/status",
      code: "plugin.sales.converted",
      message: say(ctx.user.locale, MESSAGES.convertedLead),
    });
  const attachTo =
    request.accountId === undefined ? undefined : await existingAccount(ctx, request.accountId);
  const created: Array<{ object: string; id: string }> = [];
  const create = async (object: string, values: JsonObject): Promise<string> => {
    const record = await ctx.records.create(object, values);
    const id = String(record.id);
    created.push({ object, id });
    return id;
  };
  try {
    const company = textOf(lead.company) ?? textOf(lead.lastName) ?? "";
    const account =
      attachTo === undefined
        ? await create("account", {
            name: company,
            type: "prospect",
            ...pick(lead, {
              industry: "industry",
              region: "region",
              rating: "rating",
              phone: "phone",
              annualRevenue: "annualRevenue",
              employees: "employees",
            }),
          })
        : String(attachTo.id);
    const contact = await create("contact", {
      account,
      ...pick(lead, {
        lastName: "lastName",
        firstName: "firstName",
        title: "title",
        email: "email",
        phone: "phone",
        mobile: "mobile",
        description: "description",
      }),
    });
    const opportunity =
      request.createOpportunity === false
        ? null
        : await create("opportunity", {
            name: request.opportunityName ?? defaultOpportunityName(ctx, company),
            account,
            primaryContact: contact,
            stage: "prospecting",
            type: attachTo === undefined ? "newBusiness" : "existingBusiness",
            closeDate: request.closeDate ?? dayOf(daysAfter(ctx.now(), 90)),
            ...pick(lead, { source: "leadSource", estimatedAmount: "amount" }),
          });
    const converted = {
      status: "converted",
      convertedAccount: account,
      convertedContact: contact,
      convertedDate: dayOf(ctx.now()),
      ...(opportunity !== null && { convertedOpportunity: opportunity }),
    };
    // A converted lead leaves its pool: nobody claims or recycles it any more.
    const leavesPool: Record<string, JsonValue> = lead.poolStatus === undefined ? {} : { poolStatus: null };
    await withLeadChanges(leadId, leavesPool, () =>
      ctx.records.update("lead", leadId, Number(lead.version), converted),
    );
    return { account, contact, opportunity };
  } catch (error) {
    for (const { object, id } of created.reverse())
      await ctx.records.delete(object, id).catch(() => undefined);
    throw error;
  }
};
