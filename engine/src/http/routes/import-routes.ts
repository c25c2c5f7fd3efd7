import { Router } from "express";
import type { EngineDeps } from "../request-context.js";

/** Placeholder until the import routes land (issue 9). */
export const importRoutes = (_deps: EngineDeps): Router => Router();
