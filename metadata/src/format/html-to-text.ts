// Elements that start and end a paragraph, and those that only start a new line, in plain text.
const PARAGRAPHS: ReadonlySet<string> = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "ul",
  "ol",
  "table",
  "pre",
  "hr",
]);
const LINES: ReadonlySet<string> = new Set([
  "div",
  "tr",
  "section",
  "article",
  "header",
  "footer",
  "address",
]);
const SKIPPED: ReadonlySet<string> = new Set(["script", "style", "head", "title"]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  copy: "©",
  reg: "®",
  trade: "™",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  middot: "·",
  times: "×",
  yen: "¥",
  euro: "€",
  pound: "£",
};

const decodeEntity = (match: string, body: string): string => {
  if (body.startsWith("#")) {
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    const valid = Number.isInteger(code) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : "\uFFFD";
  }
  return Object.hasOwn(NAMED_ENTITIES, body) ? (NAMED_ENTITIES[body] as string) : match;
};

/** Decodes character references in one pass, so "&amp;lt;" stays the text "&lt;". */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, decodeEntity);

const TAG_NAME = /^\s*(\/?)\s*([A-Za-z][A-Za-z0-9]*)/;

/**
 * The plain-text alternative of an HTML body: tags dropped (script and style with their content),
 * block elements as line breaks, whitespace collapsed as a browser would, entities decoded. One
 * left-to-right scan with cached searches, so it is linear in the input whatever the markup.
 */
export const htmlToText = (html: string): string => {
  const lower = html.toLowerCase();
  const parts: string[] = [];
  // Line breaks owed before the next text: 1 a new line, 2 a new paragraph. Held back so that
  // adjacent blocks make one break, not one per tag.
  let pending = 0;
  const text = (raw: string) => {
    let piece = decodeEntities(raw.replace(/[ \t\r\n\f]+/g, " "));
    if (pending > 0) {
      piece = piece.trimStart();
      if (piece === "") return;
      const last = parts.length - 1;
      if (last >= 0) {
        parts[last] = (parts[last] as string).trimEnd();
        parts.push("\n".repeat(pending));
      }
      pending = 0;
    }
    if (piece !== "") parts.push(piece);
  };
  const lineBreak = (lines: number) => {
    pending = Math.max(pending, lines);
  };
  let nextGt = -1;
  const closeCache = new Map<string, number>();
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (nextGt < lt) nextGt = html.indexOf(">", lt);
    if (nextGt === -1) {
      text(html.slice(lt));
      break;
    }
    const match = TAG_NAME.exec(html.slice(lt + 1, Math.min(nextGt, lt + 80)));
    if (match === null) {
      // A "<" that opens no tag ("a < b") is text.
      text("<");
      i = lt + 1;
      continue;
    }
    const closing = match[1] === "/";
    const name = (match[2] as string).toLowerCase();
    i = nextGt + 1;
    if (!closing && SKIPPED.has(name)) {
      let close = closeCache.get(name) ?? -1;
      if (close < i) {
        close = lower.indexOf(`</${name}`, i);
        if (close === -1) close = html.length;
        closeCache.set(name, close);
      }
      const end = close >= html.length ? -1 : html.indexOf(">", close);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    if (name === "br") {
      pending = Math.min(pending + 1, 2);
    } else if (name === "li") {
      lineBreak(1);
      if (!closing) {
        text("- ");
      }
    } else if (PARAGRAPHS.has(name)) {
      lineBreak(2);
    } else if (LINES.has(name)) {
      lineBreak(1);
    } else if (name === "td" || name === "th") {
      text(" ");
    }
  }
  return parts
    .join("")
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
};
