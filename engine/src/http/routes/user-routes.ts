import { Router } from "express";
import { createUser, setUserPassword } from "../../security/manage-users.js";
import { type EngineDeps, requestContext } from "../request-context.js";

export const userRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.post("/", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const user = await createUser(ctx, req.body);
    res.status(201).location(`/api/v1/records/user/${user.id}`).json(user);
  });
  router.post("/:id/password", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    await setUserPassword(ctx, String(req.params.id), req.body);
    res.status(204).end();
  });
  return router;
};
