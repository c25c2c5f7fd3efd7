import { Router } from "express";
import { createUser, setUserPassword } from "../../security/manage-users.js";
import { auditAfterChange, scopeOf, userTarget } from "../audit-request.js";
import { type EngineDeps, requestContext } from "../request-context.js";

export const userRoutes = (deps: EngineDeps): Router => {
  const router = Router();
  router.post("/", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const user = await createUser(ctx, req.body);
    const { target, profile, role } = await userTarget(ctx.store, String(user.id));
    await auditAfterChange(res, scopeOf(req, ctx), {
      type: "user.created",
      target,
      details: { ...(profile !== undefined && { profile }), ...(role !== undefined && { role }) },
    });
    res.status(201).location(`/api/v1/records/user/${user.id}`).json(user);
  });
  router.post("/:id/password", async (req, res) => {
    const ctx = await requestContext(deps, req, res);
    const id = String(req.params.id);
    await setUserPassword(ctx, id, req.body);
    const { target } = await userTarget(ctx.store, id);
    await auditAfterChange(res, scopeOf(req, ctx), { type: "user.passwordChanged", target });
    res.status(204).end();
  });
  return router;
};
