import { isMetadataKind, isPlainObject, type JsonObject, validateDocumentSet } from "@tessera/metadata";
import { EngineError, notFound } from "../errors/engine-error.js";
import type { DraftDocument, TenantStore } from "../store/store-port.js";
import { checkTemplateDocuments } from "../templates/compile-template-documents.js";

/**
 * Issues that only say another document is missing (yet): objects that refer to each other must be
 * put one after the other, so these are warnings on a draft write and errors only at publish.
 */
const DEFERRED =
  /(\.unknown(Object|Reference|Role|Parent|Profile|Template|ListView|Group|ApprovalProcess)|^rollup\.(badRelationship|badSummaryField))$/;

export const isDeferredIssue = (code: string): boolean => DEFERRED.test(code);

export interface DraftWrite {
  document: DraftDocument;
  /** Problems that depend on documents not (yet) in the draft; publishing refuses them. */
  warnings: Array<{ path: string; code: string; message: string }>;
}

/**
 * Creates or replaces one document of the draft after validating it within the draft (schema and
 * semantic checks against the other draft documents). Issues of other documents are not this
 * request's concern; the publish reports them.
 */
export const putDraftDocument = async (
  store: TenantStore,
  kind: string,
  name: string,
  body: unknown,
  actor: string,
  now: Date = new Date(),
): Promise<DraftWrite> => {
  if (!isMetadataKind(kind)) throw notFound(`No metadata kind "${kind}"`);
  if (!isPlainObject(body)) {
    throw new EngineError(422, "invalid", "A metadata document must be a JSON object", [
      { path: "", code: "document.notAnObject", message: "Send the document as a JSON object." },
    ]);
  }
  const mismatch = [
    ...(body.kind !== kind
      ? [
          {
            path: "/kind",
            code: "document.kindMismatch",
            message: `"kind" must be "${kind}", as in the URL.`,
          },
        ]
      : []),
    ...(body.name !== name
      ? [
          {
            path: "/name",
            code: "document.nameMismatch",
            message: `"name" must be "${name}", as in the URL.`,
          },
        ]
      : []),
  ];
  if (mismatch.length > 0)
    throw new EngineError(422, "invalid", "The document does not match its URL", mismatch);
  const id = `${kind}/${name}`;
  const others = (await store.listDraft())
    .filter((d) => !(d.kind === kind && d.name === name))
    .map((d) => d.document);
  const { issues, documents } = validateDocumentSet([...others, body]);
  const own = issues.filter((i) => i.document === id);
  // Handlebars syntax and safety of templates are the engine's to check (it compiles them).
  const compiled = documents.get(id);
  if (compiled !== undefined) own.push(...checkTemplateDocuments([compiled]));
  if (own.some((i) => !isDeferredIssue(i.code))) {
    throw new EngineError(
      422,
      "invalid",
      `The ${kind} "${name}" is not valid`,
      own.map(({ path, code, message }) => ({ path, code, message })),
    );
  }
  const doc: DraftDocument = {
    kind,
    name,
    document: body as JsonObject,
    updatedAt: now.toISOString(),
    updatedBy: actor,
  };
  await store.putDraft(doc);
  return { document: doc, warnings: own.map(({ path, code, message }) => ({ path, code, message })) };
};
