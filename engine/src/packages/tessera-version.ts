import { readFileSync } from "node:fs";

/** This Tessera's version (the engine package's), which packages' `tessera` ranges are checked against. */
export const TESSERA_VERSION: string = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;
