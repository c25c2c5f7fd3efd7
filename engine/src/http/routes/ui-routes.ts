import {
  type AppDefinition,
  customFieldTypes,
  isLocale,
  isPlainObject,
  isSystemField,
  type Layout,
  type ListView,
  type NavigationItem,
} from "@tessera/metadata";
import { Router } from "express";
import { invalid, notFound } from "../../errors/engine-error.js";
import { installedPackages } from "../../plugins/installed-packages.js";
import type { RecordContext } from "../../records/record-context.js";
import { templatesOf } from "../../templates/render-for-reader.js";
import { type EngineDeps, requestContext } from "../request-context.js";
import { visibleObject } from "./metadata-routes.js";

const permissionsOf = (ctx: RecordContext, object: string) => ({
  create: ctx.access.can("create", object),
  edit: ctx.access.can("edit", object),
  delete: ctx.access.can("delete", object),
});

const readableObjects = (ctx: RecordContext) =>
  [...ctx.metadata.objects.values()].filter((o) => ctx.access.can("read", o.name));

/** A navigation item the user may use: objects and list views they can read, pages. */
const usable = (ctx: RecordContext, item: NavigationItem): boolean => {
  if (item.type === "object") return ctx.access.can("read", item.object);
  if (item.type === "listView") {
    const view = ctx.metadata.listViews.find((v) => v.name === item.listView);
    return view !== undefined && ctx.access.can("read", view.object);
  }
  return true;
};

/** The apps of the user's profile with what they may not read left out; a default app when none. */
const appsFor = (ctx: RecordContext, profile: unknown): AppDefinition[] => {
  const apps = ctx.metadata.documents
    .filter((d): d is AppDefinition => d.kind === "app")
    .filter(
      (app) => app.profiles === undefined || (typeof profile === "string" && app.profiles.includes(profile)),
    )
    .map((app) => ({ ...app, navigation: app.navigation.filter((item) => usable(ctx, item)) }))
    .filter((app) => app.navigation.length > 0);
  if (apps.length > 0) return apps;
  const objects = readableObjects(ctx).filter((o) => o.definition.name !== "recordShare");
  return [
    {
      kind: "app",
      name: "all",
      label: { en: "All objects", "zh-CN": "全部对象" },
      navigation: [
        { type: "page", page: "approvals" },
        ...objects.map((o) => ({ type: "object" as const, object: o.name })),
      ],
    },
  ];
};

/**
 * The widgets of the packages installed in the tenant, with the URL of their module (served by
 * plugin-assets from the server's plugins folder; a package missing there answers 404 and the
 * runtime shows the widget as unavailable).
 */
const widgetsOf = (ctx: RecordContext) =>
  [...installedPackages(ctx.metadata).values()].flatMap((manifest) =>
    (manifest.widgets ?? []).map((widget) => ({
      package: manifest.name,
      name: widget.name,
      kind: widget.kind,
      url: `/plugins/${encodeURIComponent(manifest.name)}/${widget.entry.replace(/^\.\//, "")}`,
    })),
  );

/**
 * What a user may read of `object`: the fields field-level security lets them read, and the
 * system fields (owner, created, updated), which every record shows to whoever may see it.
 */
const readableOf = (ctx: RecordContext, object: string) => {
  const fields = ctx.access.readableFields(object);
  return { has: (name: string) => isSystemField(name) || fields.has(name) };
};

/** Layouts of `object` with the items of fields the user cannot read removed. */
const visibleLayouts = (ctx: RecordContext, object: string): Layout[] => {
  const readable = readableOf(ctx, object);
  return ctx.metadata.layouts
    .filter((l) => l.object === object)
    .map((layout) => ({
      ...layout,
      sections: layout.sections.map((s) => ({ ...s, items: s.items.filter((i) => readable.has(i.field)) })),
      relatedLists: (layout.relatedLists ?? []).filter(
        (r) => ctx.access.can("read", r.object) && ctx.access.readableFields(r.object).has(r.field),
      ),
    }));
};

const visibleListViews = (ctx: RecordContext, object: string): ListView[] => {
  const readable = readableOf(ctx, object);
  return ctx.metadata.listViews
    .filter((v) => v.object === object)
    .map((view) => ({ ...view, columns: view.columns.filter((c) => readable.has(c)) }))
    .filter((view) => view.columns.length > 0);
};

/**
 * What the runtime app needs to draw its screens for the signed-in user: their apps and objects
 * (bootstrap), and per object its definition, layouts, list views and related lists, all cut to
 * what the user may read. Nothing here is a decision: the record API enforces every permission.
 */
export const uiRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/bootstrap", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const user = await ctx.store.getRecord("user", ctx.actor.userId);
    res.json({
      tenant: ctx.actor.tenant,
      version: ctx.metadata.version,
      user: {
        id: ctx.actor.userId,
        username: ctx.actor.username,
        name: String(user?.name ?? ctx.actor.username),
        locale: ctx.locale,
        manageMetadata: ctx.access.manageMetadata,
        administrator: ctx.access.system.modifyAllData,
      },
      apps: appsFor(ctx, user?.profile),
      objects: readableObjects(ctx).map(({ definition: d }) => ({
        name: d.name,
        label: d.label,
        pluralLabel: d.pluralLabel,
        recordName: d.recordName,
        icon: d.icon ?? null,
        permissions: permissionsOf(ctx, d.name),
      })),
      listViews: ctx.metadata.listViews
        .filter((v) => ctx.access.can("read", v.object))
        .map((v) => ({ name: v.name, object: v.object, label: v.label })),
      // Names and labels only: each widget's figures come from its report, within the caller's access.
      dashboards: ctx.metadata.documents
        .filter((d) => d.kind === "dashboard")
        .map((d) => ({ name: d.name, label: d.label })),
      widgets: widgetsOf(ctx),
      // Field types are the server's code, the same for every tenant: the runtime registers them
      // so its form compiler and formatting know the fields that use them.
      customFieldTypes: customFieldTypes(),
    });
  });
  router.get("/objects/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const object = ctx.metadata.objects.get(String(req.params.name));
    if (object === undefined || !ctx.access.can("read", object.name))
      throw notFound(`No object "${req.params.name}"`);
    const relatedLists = object.incoming
      .filter(
        (r) => ctx.access.can("read", r.object) && ctx.access.readableFields(r.object).has(r.field.name),
      )
      .map((r) => {
        const child = ctx.metadata.objects.get(r.object);
        return {
          object: r.object,
          field: r.field.name,
          label: child?.definition.pluralLabel ?? child?.definition.label ?? { en: r.object },
          fieldLabel: r.field.label,
        };
      });
    res.json({
      version: ctx.metadata.version,
      object: visibleObject(ctx, object.definition),
      editableFields: [...ctx.access.editableFields(object.name)],
      permissions: permissionsOf(ctx, object.name),
      layouts: visibleLayouts(ctx, object.name),
      listViews: visibleListViews(ctx, object.name),
      relatedLists,
      hasApprovalProcess: ctx.metadata.approvalProcesses.has(object.name),
      templates: templatesOf(ctx, object.name),
      duplicateRules: ctx.metadata.documents
        .filter((d) => d.kind === "duplicateRule" && d.object === object.name && d.active !== false)
        .map((d) => ({ name: d.name, label: d.label })),
    });
  });
  router.put("/preferences", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const body: unknown = req.body;
    if (!isPlainObject(body) || Object.keys(body).some((k) => k !== "locale") || !isLocale(body.locale)) {
      throw invalid('Send {locale: "en" | "zh-CN"}', [
        { path: "/locale", code: "preferences.locale", message: 'locale is "en" or "zh-CN".' },
      ]);
    }
    // The user's own preference, not a change of their user record by themselves (which their
    // profile may not allow): written in system mode, this one field only.
    const user = await ctx.store.getRecord("user", ctx.actor.userId);
    if (user === undefined) throw notFound("No such user");
    if (user.locale !== body.locale) {
      const next = {
        ...user,
        locale: body.locale,
        version: user.version + 1,
        updatedAt: new Date().toISOString(),
      };
      await ctx.store.updateRecord("user", next, user.version);
    }
    res.json({ locale: body.locale });
  });
  return router;
};
