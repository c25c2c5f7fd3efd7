import { defineMessages } from "../i18n/define-messages.js";

export const useSearchText = defineMessages(
  {
    "search.title": "Search",
    "search.resultsFor": "Results for “{q}”",
    "search.box": "Search all records",
    "search.prompt": "Type a word to search every object you can see.",
    "search.none": "No results for “{q}”",
    "search.more": "Show all matching {plural}",
  },
  {
    "search.title": "搜索",
    "search.resultsFor": "“{q}”的搜索结果",
    "search.box": "搜索全部记录",
    "search.prompt": "输入关键词，搜索您可以查看的所有对象。",
    "search.none": "没有与“{q}”相关的结果",
    "search.more": "查看全部匹配的{plural}",
  },
);
