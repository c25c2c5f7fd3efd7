import Handlebars from "handlebars";
import { TemplateError } from "./template-error.js";
import { TEMPLATE_HELPERS } from "./template-helpers.js";

export const MAX_TEMPLATE_CHARS = 100_000;
export const MAX_BLOCK_DEPTH = 8;
export const MAX_OUTPUT_CHARS = 1_000_000;

/**
 * What a template produces: `html` (e-mail bodies, print pages: values are HTML-escaped), `text`
 * (plain text: nothing is escaped, nothing is HTML) or `header` (an e-mail subject: one line, CR and
 * LF removed so no header can be injected).
 */
export type TemplateOutput = "html" | "text" | "header";

export type CompiledTemplate = (data: Record<string, unknown>, locale?: string) => string;

// One isolated Handlebars environment: our helpers only, never the global instance.
const handlebars = Handlebars.create();
handlebars.unregisterHelper("lookup");
handlebars.unregisterHelper("log");
handlebars.unregisterHelper("helperMissing");
for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) handlebars.registerHelper(name, helper);

const BLOCK_HELPERS = new Set(["if", "unless", "each", "with"]);
const ALLOWED = new Set([...BLOCK_HELPERS, ...Object.keys(TEMPLATE_HELPERS)]);

interface Node {
  type: string;
  path?: { original?: unknown; parts?: unknown[] };
  /** Set on PathExpression nodes (a parameter such as `{{#with owner}}`). */
  parts?: unknown[];
  params?: unknown[];
  hash?: { pairs: Array<{ value: unknown }> };
  program?: { body: Node[] };
  inverse?: { body: Node[] };
  loc?: { start: { line: number; column: number } };
}

const at = (node: Node) => (node.loc === undefined ? "" : ` (line ${node.loc.start.line})`);

/** Refuses partials, decorators, unknown helpers, prototype paths and over-deep nesting. */
const inspect = (nodes: readonly Node[], depth: number): void => {
  for (const node of nodes) {
    if (node.type === "PartialStatement" || node.type === "PartialBlockStatement") {
      throw new TemplateError("template.partial", `Templates cannot include other templates${at(node)}.`);
    }
    if (node.type === "DecoratorBlock" || node.type === "Decorator") {
      throw new TemplateError("template.decorator", `Decorators are not allowed${at(node)}.`);
    }
    const isCall = (node.params?.length ?? 0) > 0 || node.type === "BlockStatement";
    const name = typeof node.path?.original === "string" ? node.path.original : undefined;
    if (isCall && name !== undefined && !ALLOWED.has(name)) {
      throw new TemplateError(
        "template.unknownHelper",
        `"${name}" is not a helper templates may use${at(node)}.`,
      );
    }
    for (const part of (node.type === "PathExpression" ? node.parts : node.path?.parts) ?? []) {
      if (part === "__proto__" || part === "constructor" || part === "prototype") {
        throw new TemplateError(
          "template.forbiddenPath",
          `"${String(part)}" cannot be read by a template${at(node)}.`,
        );
      }
    }
    for (const param of node.params ?? []) inspect([param as Node], depth);
    for (const pair of node.hash?.pairs ?? []) inspect([pair.value as Node], depth);
    if (node.program !== undefined || node.inverse !== undefined) {
      if (depth + 1 > MAX_BLOCK_DEPTH) {
        throw new TemplateError(
          "template.tooDeep",
          `Blocks may be nested at most ${MAX_BLOCK_DEPTH} deep${at(node)}.`,
        );
      }
      inspect(node.program?.body ?? [], depth + 1);
      inspect(node.inverse?.body ?? [], depth + 1);
    }
  }
};

/**
 * Checks and compiles a handlebars template once (per metadata version) for `output`. Rendering
 * never reads prototypes (Handlebars' defaults, stated explicitly), caps its output, and in
 * `header` mode returns a single line.
 */
export const compileTemplate = (source: string, output: TemplateOutput): CompiledTemplate => {
  if (source.length > MAX_TEMPLATE_CHARS) {
    throw new TemplateError(
      "template.tooLarge",
      `A template may have at most ${MAX_TEMPLATE_CHARS} characters.`,
    );
  }
  let ast: { body: Node[] };
  try {
    ast = handlebars.parse(source) as unknown as { body: Node[] };
  } catch (error) {
    throw new TemplateError(
      "template.syntax",
      `The template cannot be read: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  inspect(ast.body, 0);
  const render = handlebars.compile(source, {
    noEscape: output !== "html",
    strict: false,
    knownHelpersOnly: false,
  });
  return (data, locale = "en") => {
    let text: string;
    try {
      text = render(
        { ...data, $locale: locale },
        {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
          helpers: {},
          partials: {},
        },
      );
    } catch (error) {
      throw new TemplateError(
        "template.render",
        `The template could not be rendered: ${(error as Error).message.split("\n")[0]}`,
      );
    }
    if (text.length > MAX_OUTPUT_CHARS) {
      throw new TemplateError(
        "template.outputTooLarge",
        `The rendered text exceeds ${MAX_OUTPUT_CHARS} characters.`,
      );
    }
    return output === "header" ? text.replace(/[\r\n]+/g, " ").trim() : text;
  };
};
