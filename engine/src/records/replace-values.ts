import type { JsonObject } from "@tessera/metadata";

/**
 * Makes `values` hold exactly `next` (null meaning no value, as everywhere in the pipeline), in
 * place, because the pipeline's later steps hold `values`. True when anything was replaced.
 */
export const replaceValues = (values: JsonObject, next: JsonObject): boolean => {
  if (next === values) return false;
  for (const key of Object.keys(values)) delete values[key];
  for (const [key, value] of Object.entries(next))
    if (value !== null && value !== undefined) values[key] = value;
  return true;
};
