import { isPlainObject, type ObjectDefinition } from "@tessera/metadata";
import { Router } from "express";
import { EngineError, forbidden, notFound } from "../../errors/engine-error.js";
import { pointerTo } from "../../records/apply-input.js";
import type { RecordContext } from "../../records/record-context.js";
import { discardDraft } from "../../registry/discard-draft.js";
import { discardNote } from "../../registry/discard-note.js";
import { putDraftDocument } from "../../registry/draft-documents.js";
import { previewDraft } from "../../registry/preview-draft.js";
import { publicationNote } from "../../registry/publication-note.js";
import { publishDraft } from "../../registry/publish-draft.js";
import { auditAfterChange, scopeOf } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";
import { previewDocuments, requireNoOptions, versionNumber } from "./draft-request.js";

/** The object as this user may see it: fields they cannot read are not described at all. */
export const visibleObject = (ctx: RecordContext, object: ObjectDefinition): ObjectDefinition => {
  const readable = ctx.access.readableFields(object.name);
  const editable = ctx.access.editableFields(object.name);
  return {
    ...object,
    fields: object.fields
      .filter((f) => readable.has(f.name))
      .map((f) => ({ ...f, ...(editable.has(f.name) ? {} : { readOnly: true }) })),
    validationRules: undefined,
  } as ObjectDefinition;
};

const requireMetadataAdmin = (ctx: RecordContext): void => {
  if (!ctx.access.manageMetadata) throw forbidden("Managing metadata needs the manageMetadata permission");
};

export const metadataRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.get("/objects", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const objects = [...ctx.metadata.objects.values()]
      .filter((o) => ctx.access.can("read", o.name))
      .map(({ definition: d }) => ({
        name: d.name,
        label: d.label,
        pluralLabel: d.pluralLabel,
        recordName: d.recordName,
        icon: d.icon ?? null,
        permissions: {
          create: ctx.access.can("create", d.name),
          edit: ctx.access.can("edit", d.name),
          delete: ctx.access.can("delete", d.name),
        },
      }));
    res.json({ version: ctx.metadata.version, objects });
  });
  router.get("/objects/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const object = ctx.metadata.objects.get(String(req.params.name));
    if (object === undefined || !ctx.access.can("read", object.name))
      throw notFound(`No object "${req.params.name}"`);
    res.json({ version: ctx.metadata.version, object: visibleObject(ctx, object.definition) });
  });
  router.get("/draft", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    const draft = await ctx.store.listDraft();
    res.json({
      documents: draft.map(({ kind, name, updatedAt, updatedBy }) => ({ kind, name, updatedAt, updatedBy })),
    });
  });
  router.get("/draft/documents", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    res.json({ documents: await ctx.store.listDraft() });
  });
  router.post("/draft/preview", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    res.json(await previewDraft(ctx.store, previewDocuments(req.body ?? {})));
  });
  router.post("/draft/discard", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    requireNoOptions(req.body, "Discarding the draft");
    const result = await discardDraft(ctx.store, ctx.actor.userId, ctx.now());
    await auditAfterChange(res, scopeOf(req, ctx), discardNote(result));
    res.status(204).end();
  });
  router.get("/draft/:kind/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    const doc = (await ctx.store.listDraft()).find(
      (d) => d.kind === req.params.kind && d.name === req.params.name,
    );
    if (doc === undefined) throw notFound(`No draft ${req.params.kind} "${req.params.name}"`);
    res.json(doc.document);
  });
  router.put("/draft/:kind/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    const kind = String(req.params.kind);
    const written = await putDraftDocument(
      ctx.store,
      kind,
      String(req.params.name),
      req.body,
      ctx.actor.userId,
    );
    res.status(200).json({ document: written.document.document, warnings: written.warnings });
  });
  router.delete("/draft/:kind/:name", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    if (!(await ctx.store.deleteDraft(String(req.params.kind), String(req.params.name)))) {
      throw notFound(`No draft ${req.params.kind} "${req.params.name}"`);
    }
    res.status(204).end();
  });
  router.post("/publish", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    const body: unknown = req.body ?? {};
    if (!isPlainObject(body) || (body.force !== undefined && typeof body.force !== "boolean")) {
      throw new EngineError(400, "badRequest", 'Send {} or {"force": true}', [
        { path: "/force", code: "field.type", message: "force must be true or false." },
      ]);
    }
    // An option this route does not know (say "dryRun") must not be ignored: the publish would go
    // ahead while the caller believes it asked for something else.
    const unknown = Object.keys(body).filter((key) => key !== "force");
    if (unknown.length > 0) {
      throw new EngineError(
        400,
        "badRequest",
        'Send {} or {"force": true}',
        unknown.map((key) => ({
          path: pointerTo(key),
          code: "field.unknown",
          message: `Publishing has no option "${key}".`,
        })),
      );
    }
    const result = await publishDraft(ctx.store, { actor: ctx.actor.userId, force: body.force === true });
    await auditAfterChange(res, scopeOf(req, ctx), publicationNote(result, body.force === true));
    res.status(200).json(result);
  });
  router.get("/versions", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    res.json({ versions: await ctx.store.listVersions() });
  });
  router.get("/versions/:version", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    requireMetadataAdmin(ctx);
    const number = versionNumber(String(req.params.version));
    const found = await ctx.store.readVersion(number);
    if (found === undefined) throw notFound(`No published version ${number}`);
    const { version, publishedAt, publishedBy, changes, documents } = found;
    res.json({ version, publishedAt, publishedBy, changes, documents });
  });
  return router;
};
