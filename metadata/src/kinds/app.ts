import { type Static, Type } from "@sinclair/typebox";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { IconSchema, issueCollector, NameSchema } from "./common.js";

export const APP_PAGES = ["approvals", "home", "reports"] as const;
export type AppPage = (typeof APP_PAGES)[number];

export const NavigationItemSchema = Type.Union([
  Type.Object({ type: Type.Literal("object"), object: NameSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("listView"), listView: NameSchema }, { additionalProperties: false }),
  Type.Object({ type: Type.Literal("dashboard"), dashboard: NameSchema }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal("page"), page: Type.Union(APP_PAGES.map((page) => Type.Literal(page))) },
    { additionalProperties: false },
  ),
]);
export type NavigationItem = Static<typeof NavigationItemSchema>;

export const AppDefinitionSchema = Type.Object(
  {
    kind: Type.Literal("app"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    icon: Type.Optional(IconSchema),
    /** In menu order. Items the user may not read are hidden, not refused. */
    navigation: Type.Array(NavigationItemSchema, { minItems: 1, maxItems: 50 }),
    /** Profiles whose users see the app; every profile when absent. */
    profiles: Type.Optional(Type.Array(NameSchema, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type AppDefinition = Static<typeof AppDefinitionSchema>;

const navigationKey = (item: NavigationItem): string => {
  switch (item.type) {
    case "object":
      return `object:${item.object}`;
    case "listView":
      return `listView:${item.listView}`;
    case "dashboard":
      return `dashboard:${item.dashboard}`;
    case "page":
      return `page:${item.page}`;
  }
};

/** Expressions: none. */
export const checkApp: SemanticCheck<AppDefinition> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  const seen = new Set<string>();
  doc.navigation.forEach((item, n) => {
    if (item.type === "object" && !ctx.objects.has(item.object)) {
      report(["navigation", n, "object"], "app.unknownObject", `Object "${item.object}" does not exist.`);
    }
    if (item.type === "listView" && ctx.find("listView", item.listView) === undefined) {
      report(
        ["navigation", n, "listView"],
        "app.unknownListView",
        `List view "${item.listView}" does not exist.`,
      );
    }
    if (item.type === "dashboard" && ctx.find("dashboard", item.dashboard) === undefined) {
      report(
        ["navigation", n, "dashboard"],
        "app.unknownDashboard",
        `Dashboard "${item.dashboard}" does not exist.`,
      );
    }
    const key = navigationKey(item);
    if (seen.has(key)) {
      report(["navigation", n], "app.duplicateNavigation", "This entry is already in the app's navigation.");
    }
    seen.add(key);
  });
  doc.profiles?.forEach((profile, p) => {
    if (ctx.find("profile", profile) === undefined) {
      report(["profiles", p], "app.unknownProfile", `Profile "${profile}" does not exist.`);
    }
  });
  return issues;
};
