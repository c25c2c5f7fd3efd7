import { EngineError, forbidden, notFound } from "../errors/engine-error.js";
import type { CompiledObject } from "../registry/compiled-metadata.js";
import type { ObjectOperation } from "../security/access-policy.js";
import type { RecordContext } from "./record-context.js";

/**
 * The compiled object named in a request, if the user may perform `operation` on it. An object
 * the user cannot read does not exist for them (404); one they can read but not change is 403.
 */
export const resolveObject = (
  ctx: RecordContext,
  name: string,
  operation: ObjectOperation,
): CompiledObject => {
  const object = ctx.metadata.objects.get(name);
  if (object === undefined || !ctx.access.can("read", name)) throw notFound(`No object "${name}"`);
  if (operation !== "read" && !ctx.access.can(operation, name)) {
    throw forbidden(`You may not ${operation} ${name} records`);
  }
  return object;
};

export const assertFound = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw notFound(`No ${what}`);
  return value;
};

export { EngineError };
