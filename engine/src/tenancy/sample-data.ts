import type { JsonObject } from "@tessera/metadata";
import { createRecord } from "../records/create-record.js";
import type { RecordContext } from "../records/record-context.js";

const ACCOUNTS: JsonObject[] = [
  {
    name: "上海华东精密机械有限公司",
    industry: "manufacturing",
    region: "eastChina",
    billingCity: "上海",
    annualRevenue: 86000000,
    employees: 420,
    phone: "+86 21 5888 1200",
    website: "https://huadong-precision.example.cn",
  },
  {
    name: "Shenzhen Bright Electronics Co., Ltd.",
    industry: "technology",
    region: "southChina",
    billingCity: "Shenzhen",
    annualRevenue: 152000000,
    employees: 1300,
    phone: "+86 755 8600 2211",
  },
  {
    name: "北京云图数据科技有限公司",
    industry: "technology",
    region: "northChina",
    billingCity: "北京",
    annualRevenue: 24000000,
    employees: 160,
  },
  {
    name: "Acme Retail Group",
    industry: "retail",
    region: "international",
    billingCity: "Singapore",
    annualRevenue: 310000000,
    employees: 5200,
    website: "https://acme-retail.example.com",
  },
  {
    name: "成都蜀风食品有限公司",
    industry: "manufacturing",
    region: "westChina",
    billingCity: "成都",
    annualRevenue: 41000000,
    employees: 380,
  },
  {
    name: "Wuhan Central Logistics",
    industry: "logistics",
    region: "centralChina",
    billingCity: "Wuhan",
    annualRevenue: 67000000,
    employees: 900,
  },
  {
    name: "Hangzhou Lakeside Health",
    industry: "healthcare",
    region: "eastChina",
    billingCity: "Hangzhou",
    annualRevenue: 18000000,
    employees: 210,
  },
  {
    name: "Nordic Energy Partners",
    industry: "energy",
    region: "international",
    billingCity: "Oslo",
    annualRevenue: 95000000,
    employees: 640,
  },
];

const CONTACTS: Array<[string, string, string, number]> = [
  ["王", "伟", "采购总监", 0],
  ["李", "娜", "总经理", 0],
  ["Chen", "Li", "CTO", 1],
  ["Zhang", "Min", "Purchasing Manager", 1],
  ["刘", "洋", "IT 经理", 2],
  ["Sarah", "Tan", "Head of Operations", 3],
  ["James", "Lim", "CFO", 3],
  ["赵", "静", "厂长", 4],
  ["Huang", "Lei", "Fleet Manager", 5],
  ["周", "敏", "院长助理", 6],
  ["Ingrid", "Larsen", "Procurement Lead", 7],
];

const OPPORTUNITIES: Array<[string, number, string, number, string]> = [
  ["五轴加工中心扩产项目", 0, "negotiation", 2800000, "2027-01-20"],
  ["Smart factory sensors", 1, "proposal", 950000, "2027-02-15"],
  ["Data platform subscription", 2, "qualification", 360000, "2027-03-01"],
  ["POS refresh, 300 stores", 3, "needsAnalysis", 4200000, "2027-04-30"],
  ["冷链包装线", 4, "prospecting", 780000, "2027-05-15"],
  ["Fleet telematics", 5, "closedWon", 1250000, "2026-10-30"],
  ["Clinic scheduling suite", 6, "closedLost", 220000, "2026-09-15"],
  ["Wind farm monitoring", 7, "proposal", 1900000, "2027-02-28"],
  ["售后服务年度合同", 0, "closedWon", 480000, "2026-11-10"],
  ["Spare parts framework agreement", 1, "negotiation", 610000, "2027-01-10"],
];

const PROBABILITY: Record<string, number> = {
  prospecting: 10,
  qualification: 20,
  needsAnalysis: 40,
  proposal: 60,
  negotiation: 80,
  closedWon: 100,
  closedLost: 0,
};

/** Sample accounts, contacts and opportunities in several stages, created through the record pipeline. */
export const createSampleData = async (
  ctx: RecordContext,
): Promise<{ accounts: number; contacts: number; opportunities: number }> => {
  const accountIds: string[] = [];
  for (const account of ACCOUNTS) accountIds.push(String((await createRecord(ctx, "account", account)).id));
  for (const [lastName, firstName, title, account] of CONTACTS) {
    await createRecord(ctx, "contact", { lastName, firstName, title, account: accountIds[account] ?? null });
  }
  for (const [name, account, stage, amount, closeDate] of OPPORTUNITIES) {
    const extra = stage === "closedLost" ? { lossReason: "price" } : {};
    await createRecord(ctx, "opportunity", {
      name,
      account: accountIds[account] ?? null,
      stage,
      amount,
      closeDate,
      probability: PROBABILITY[stage] ?? 10,
      ...extra,
    });
  }
  return { accounts: ACCOUNTS.length, contacts: CONTACTS.length, opportunities: OPPORTUNITIES.length };
};
