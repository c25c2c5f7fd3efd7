import { isPlainObject } from "@tessera/metadata";
import type { ProblemDetail } from "../errors/engine-error.js";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Deeper than anything a record or metadata document needs (rules nest at most 32 levels), and
 * shallow enough that no later recursive walk of the body can overflow the stack.
 */
export const MAX_BODY_DEPTH = 128;

const escapeToken = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The first part of a request body no handler may see, as a problem with its JSON pointer: a key
 * that is a prototype name (which a later spread or Object.assign turns into a prototype),
 * `$`-prefixed (an operator in a document store) or dotted (a path in a document store), or
 * nesting beyond MAX_BODY_DEPTH. Values are data and may hold anything. Iterative, so a
 * pathologically deep body cannot overflow the stack here either.
 */
export const findUnsafeKey = (body: unknown): ProblemDetail | undefined => {
  const pending: Array<{ key?: string; value: unknown; path: string; depth: number }> = [
    { value: body, path: "", depth: 0 },
  ];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { key, value, path, depth } = next;
    if (key !== undefined && (FORBIDDEN.has(key) || key.startsWith("$") || key.includes("."))) {
      return {
        path,
        code: "body.unsafeKey",
        message: "Keys may not be __proto__, constructor or prototype, start with $ or contain a dot.",
      };
    }
    const isArray = Array.isArray(value);
    const children: Array<[string, unknown]> = isArray
      ? value.map((item, i): [string, unknown] => [String(i), item])
      : isPlainObject(value)
        ? Object.entries(value)
        : [];
    if (children.length > 0 && depth >= MAX_BODY_DEPTH) {
      return {
        path,
        code: "body.tooDeep",
        message: `The body may be nested at most ${MAX_BODY_DEPTH} levels deep.`,
      };
    }
    // Reversed onto the stack, so problems are found in document order (depth first).
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const [name, child] = children[i] as [string, unknown];
      pending.push({
        ...(!isArray && { key: name }),
        value: child,
        path: `${path}/${escapeToken(name)}`,
        depth: depth + 1,
      });
    }
  }
  return undefined;
};
