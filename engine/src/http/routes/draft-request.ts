import { isMetadataKind, isPlainObject, type JsonObject } from "@tessera/metadata";
import { badRequest, type ProblemDetail } from "../../errors/engine-error.js";
import { pointerTo } from "../../records/apply-input.js";
import { MAX_PREVIEW_DOCUMENTS } from "../../registry/preview-draft.js";

// What the draft routes accept: each request is checked whole before any service sees it.

type PreviewDocument = JsonObject & { kind: string; name: string };

const PREVIEW_SHAPE = 'Send {} or {"documents": [document, ...]}';

/**
 * The body of a preview: nothing, or `documents` standing in for draft documents. Only what the
 * assessment cannot judge is refused here (not an object, no kind or name, too many, the same
 * document twice); what is wrong inside a document comes back as the preview's issues.
 */
export const previewDocuments = (body: unknown): PreviewDocument[] => {
  if (!isPlainObject(body))
    throw badRequest(PREVIEW_SHAPE, [{ path: "", code: "body.notAnObject", message: "Send a JSON object." }]);
  const unknown = Object.keys(body).filter((key) => key !== "documents");
  if (unknown.length > 0)
    throw badRequest(
      PREVIEW_SHAPE,
      unknown.map((key) => ({
        path: pointerTo(key),
        code: "field.unknown",
        message: `A preview has no option "${key}".`,
      })),
    );
  if (body.documents === undefined) return [];
  const { documents } = body;
  if (!Array.isArray(documents))
    throw badRequest(PREVIEW_SHAPE, [
      { path: "/documents", code: "field.type", message: "documents must be an array of documents." },
    ]);
  if (documents.length > MAX_PREVIEW_DOCUMENTS)
    throw badRequest(PREVIEW_SHAPE, [
      {
        path: "/documents",
        code: "field.maxItems",
        message: `A preview takes at most ${MAX_PREVIEW_DOCUMENTS} documents.`,
      },
    ]);
  const errors: ProblemDetail[] = [];
  const seen = new Set<string>();
  documents.forEach((doc: unknown, index) => {
    const at = `/documents/${index}`;
    if (!isPlainObject(doc)) {
      errors.push({ path: at, code: "document.notAnObject", message: "Each document is a JSON object." });
      return;
    }
    if (typeof doc.kind !== "string" || !isMetadataKind(doc.kind))
      errors.push({ path: `${at}/kind`, code: "document.kind", message: "kind must be a metadata kind." });
    if (typeof doc.name !== "string" || doc.name === "")
      errors.push({ path: `${at}/name`, code: "document.name", message: "name must be a non-empty string." });
    const id = `${String(doc.kind)}/${String(doc.name)}`;
    if (seen.has(id))
      errors.push({
        path: `${at}/name`,
        code: "document.duplicate",
        message: `The ${String(doc.kind)} "${String(doc.name)}" is sent twice.`,
      });
    seen.add(id);
  });
  if (errors.length > 0) throw badRequest(PREVIEW_SHAPE, errors);
  return documents as PreviewDocument[];
};

/** `{}` or no body at all: for commands that take no options, so a misspelt option is not ignored. */
export const requireNoOptions = (body: unknown, what: string): void => {
  if (body === undefined || (isPlainObject(body) && Object.keys(body).length === 0)) return;
  const keys = isPlainObject(body) ? Object.keys(body) : [];
  throw badRequest(
    `${what} takes no options: send {}`,
    keys.length === 0
      ? [{ path: "", code: "body.notAnObject", message: "Send {} or no body." }]
      : keys.map((key) => ({
          path: pointerTo(key),
          code: "field.unknown",
          message: `${what} has no option "${key}".`,
        })),
  );
};

// Up to 15 digits: every such number is exact in a double, so a larger one is not quietly rounded.
const POSITIVE_INTEGER = /^[1-9][0-9]{0,14}$/;

/** The `{version}` of a version's URL; anything but a positive whole number is a 400 naming it. */
export const versionNumber = (param: string): number => {
  if (!POSITIVE_INTEGER.test(param))
    throw badRequest("A version is a positive whole number", [
      { path: "/version", code: "path.version", message: "version must be a positive whole number." },
    ]);
  return Number(param);
};
