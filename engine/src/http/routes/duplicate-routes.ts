import { Router } from "express";
import type { EngineDeps } from "../request-context.js";

/** Placeholder until the duplicate routes land (issue 9). */
export const duplicateRoutes = (_deps: EngineDeps): Router => Router();
