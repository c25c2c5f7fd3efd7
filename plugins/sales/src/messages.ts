import type { Locale } from "@tessera/metadata";

/** A user-facing sentence in every language Tessera ships. */
export interface Message {
  readonly en: string;
  readonly "zh-CN": string;
}

export const say = (locale: Locale, message: Message): string => message[locale] ?? message.en;

export const MESSAGES = {
  notInPool: {
    en: "This lead is not waiting in a lead pool.",
    "zh-CN": "该线索不在线索池中，无法领取。",
  },
  poolInactive: {
    en: "This lead pool is closed: its leads cannot be claimed.",
    "zh-CN": "该线索池已停用，无法领取其中的线索。",
  },
  claimLimit: {
    en: "You already hold as many leads of this pool as it allows; work or return some first.",
    "zh-CN": "您持有的本池线索已达上限，请先跟进或退回部分线索。",
  },
  noPool: {
    en: "This lead belongs to no lead pool: choose its pool first.",
    "zh-CN": "该线索未指定线索池，请先选择线索池。",
  },
  alreadyInPool: {
    en: "This lead is already waiting in its pool.",
    "zh-CN": "该线索已在线索池中。",
  },
  convertedLead: {
    en: "This lead is already converted.",
    "zh-CN": "该线索已转换。",
  },
  invalidReason: {
    en: "Choose a return reason: noResponse, notInterested, wrongContact, duplicate or other.",
    "zh-CN": "请选择退回原因：noResponse、notInterested、wrongContact、duplicate 或 other。",
  },
  unknownSetting: {
    en: "This setting is not known here.",
    "zh-CN": "不支持该参数。",
  },
  notText: {
    en: "Enter a text.",
    "zh-CN": "请输入文本。",
  },
  notBoolean: {
    en: "Enter true or false.",
    "zh-CN": "请输入 true 或 false。",
  },
  notDate: {
    en: "Enter a date as YYYY-MM-DD.",
    "zh-CN": "请按 YYYY-MM-DD 格式输入日期。",
  },
  notAnObject: {
    en: "Send the settings as a JSON object.",
    "zh-CN": "请以 JSON 对象提交参数。",
  },
  noSuchAccount: {
    en: "No account you may see has this id.",
    "zh-CN": "找不到该客户，或您无权查看。",
  },
  notInPriceBook: {
    en: "This product has no active price in the quote's price book.",
    "zh-CN": "该产品不在报价单所选价格表中，或价格已停用。",
  },
} as const satisfies Record<string, Message>;
