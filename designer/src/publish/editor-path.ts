/** Where a problem of the whole draft sits: its document, and the pointer inside it. */
export interface IssueLocation {
  kind: string;
  name: string;
  /** JSON pointer inside the document ("" for the document itself). */
  pointer: string;
}

const unescapeToken = (token: string) => token.replace(/~1/g, "/").replace(/~0/g, "~");

/** Splits a publish problem's path `/<kind>/<name><pointer>`; undefined when it names no document. */
export const locateIssue = (path: string): IssueLocation | undefined => {
  const match = /^\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (match === null) return undefined;
  return {
    kind: unescapeToken(match[1] ?? ""),
    name: unescapeToken(match[2] ?? ""),
    pointer: match[3] ?? "",
  };
};

/**
 * The designer screen that edits a document. Layouts and list views live under their object, read
 * with `objectOf`; without one (the document is gone), and for kinds without their own editor, the
 * raw JSON editor.
 */
export const editorPath = (
  kind: string,
  name: string,
  objectOf: (kind: "layout" | "listView", name: string) => string | undefined,
): string => {
  const n = encodeURIComponent(name);
  if (kind === "object") return `/objects/${n}`;
  if (kind === "approvalProcess") return `/approvals/${n}`;
  if (kind === "automation") return `/automations/${n}`;
  if (kind === "layout" || kind === "listView") {
    const object = objectOf(kind, name);
    if (object !== undefined)
      return `/objects/${encodeURIComponent(object)}/${kind === "layout" ? "layouts" : "list-views"}/${n}`;
  }
  return `/json/${encodeURIComponent(kind)}/${n}`;
};
