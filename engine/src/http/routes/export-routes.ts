import { Router } from "express";
import type { EngineDeps } from "../request-context.js";

/** Placeholder until the export routes land (issue 9). */
export const exportRoutes = (_deps: EngineDeps): Router => Router();
