import { Router } from "express";
import type { EngineDeps } from "../request-context.js";

/** Placeholder until the report routes land (issue 9). */
export const reportRoutes = (_deps: EngineDeps): Router => Router();
