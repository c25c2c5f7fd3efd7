import { isPlainObject, type JsonObject, PACKAGE_NAME_PATTERN } from "@tessera/metadata";
import { type Request, type Response, Router } from "express";
import { badRequest, forbidden, notFound } from "../../errors/engine-error.js";
import { exportPackage } from "../../packages/export-package.js";
import { type InstallResult, installPackage } from "../../packages/install-package.js";
import { readOwnership } from "../../packages/package-ownership.js";
import { readPackage } from "../../packages/read-package.js";
import { activePlugins } from "../../plugins/active-plugins.js";
import { installedPackages } from "../../plugins/installed-packages.js";
import type { RecordContext } from "../../records/record-context.js";
import { publicationNote } from "../../registry/publication-note.js";
import { auditAfterChange, scopeOf } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";

const NAME = new RegExp(PACKAGE_NAME_PATTERN);

const adminContext = async (deps: EngineDeps, req: Request, res: Response): Promise<RecordContext> => {
  const ctx = await requestContext(deps, req, res);
  if (!ctx.access.manageMetadata) throw forbidden("Managing packages needs the manageMetadata permission");
  return ctx;
};

const installBody = (body: unknown): { force: boolean; sampleData: boolean } => {
  if (body === undefined) return { force: false, sampleData: false };
  if (!isPlainObject(body)) throw badRequest("The body must be a JSON object");
  const errors = Object.keys(body)
    .filter((key) => key !== "force" && key !== "sampleData")
    .map((key) => ({
      path: `/${key}`,
      code: "body.unknownKey",
      message: `"${key}" is not an install option.`,
    }));
  for (const key of ["force", "sampleData"] as const)
    if (body[key] !== undefined && typeof body[key] !== "boolean")
      errors.push({ path: `/${key}`, code: "body.notBoolean", message: `${key} is true or false.` });
  if (errors.length > 0) throw badRequest("The install options are not valid", errors);
  return { force: body.force === true, sampleData: body.sampleData === true };
};

const summary = (result: InstallResult): JsonObject => ({
  package: result.package,
  version: result.version,
  status: result.status,
  ...(result.previousVersion !== undefined && { previousVersion: result.previousVersion }),
  ...(result.publish !== undefined && {
    metadataVersion: result.publish.version,
    changes: result.publish.changes.map(({ kind, name, change }) => ({ kind, name, change })),
    impact: result.publish.impact as unknown as JsonObject[],
  }),
  ...(result.sampleData !== undefined && { sampleRecords: result.sampleData.records }),
});

/**
 * Packages for operators (metadata administrators of the tenant): what is installed and what the
 * server's plugins folder offers, installing or upgrading one of those through the publish path,
 * and the tenant's metadata exported as a package.
 */
export const packageRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    const installed = [];
    for (const manifest of installedPackages(ctx.metadata).values()) {
      const ownership = await readOwnership(ctx.store, manifest.name);
      installed.push({
        name: manifest.name,
        version: manifest.version,
        label: manifest.label,
        ...(manifest.description !== undefined && { description: manifest.description }),
        ...(ownership !== undefined && {
          installedAt: ownership.installedAt,
          documents: ownership.documents.length,
        }),
      });
    }
    const available = [...activePlugins().plugins.values()].map(({ manifest }) => ({
      name: manifest.name,
      version: manifest.version,
      label: manifest.label,
      ...(manifest.description !== undefined && { description: manifest.description }),
    }));
    res.json({ installed, available });
  });
  router.get("/export", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    const name = typeof req.query.name === "string" ? req.query.name : `${ctx.actor.tenant}-export`;
    if (!NAME.test(name))
      throw badRequest("The package name is not valid", [
        {
          path: "/name",
          code: "query.name",
          message: "Lower-case letters, digits and -, starting with a letter.",
        },
      ]);
    res.json(await exportPackage(ctx.store, { name }));
  });
  router.post("/:name/install", async (req, res) => {
    const ctx = await adminContext(deps, req, res);
    const options = installBody(req.body);
    const dir = activePlugins().dirOf(String(req.params.name));
    if (dir === undefined)
      throw notFound(`No package "${String(req.params.name)}" in this server's plugins folder`);
    const result = await installPackage(ctx.store, deps.cache, await readPackage(dir), {
      actor: ctx.actor.userId,
      force: options.force,
      sampleData: options.sampleData,
    });
    if (result.publish !== undefined)
      await auditAfterChange(res, scopeOf(req, ctx), publicationNote(result.publish, options.force));
    res.json(summary(result));
  });
  return router;
};
