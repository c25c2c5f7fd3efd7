import { createAjv, isPlainObject } from "@tessera/metadata";
import { EngineError } from "../errors/engine-error.js";
import { activePlugins } from "../plugins/active-plugins.js";
import { installedPackages } from "../plugins/installed-packages.js";
import { pluginContext } from "../plugins/plugin-context.js";
import type { Job } from "../store/work-types.js";
import { type JobEnv, JobFailure, runAsContext, snapshotRecord, text } from "./job-context.js";
import type { JobResult } from "./job-result.js";

const ajv = createAjv();

/**
 * An automation's plugin action, with the run-as user's permissions. Refusals (the record
 * pipeline's or the plugin's own) and a package no longer installed end the job with the reason in
 * the automation log; an unexpected error is retried like any job.
 */
export const runPluginAction = async (env: JobEnv, job: Job): Promise<JobResult> => {
  const pkg = text(job.payload, "package") ?? "";
  const name = text(job.payload, "action") ?? "";
  if (!installedPackages(env.metadata).has(pkg))
    throw new JobFailure(`The package "${pkg}" is not installed.`);
  const action = activePlugins().action(pkg, name);
  if (action === undefined)
    throw new JobFailure(`The "${pkg}" plugin has no action "${name}" on this server.`);
  const params = isPlainObject(job.payload.params) ? job.payload.params : {};
  if (action.paramsSchema !== undefined) {
    const validate = ajv.compile(action.paramsSchema);
    if (!validate(params))
      throw new JobFailure(
        `The parameters of "${pkg}.${name}" are not valid: ${(validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`).join("; ")}`,
      );
  }
  const record = await snapshotRecord(env, job.payload);
  if (record === undefined) throw new JobFailure("The job has no record.");
  const ctx = await runAsContext(env, job, 1);
  if (ctx === undefined) throw new JobFailure("The user this automation runs as is inactive or gone.");
  try {
    await action.run({ object: text(job.payload, "object") ?? "", record, params }, pluginContext(ctx, pkg));
  } catch (error) {
    if (error instanceof EngineError) {
      const reasons = error.errors.map((e) => `${e.path || "/"}: ${e.message}`).join("; ");
      throw new JobFailure(`${pkg}.${name}: ${error.title}${reasons === "" ? "" : ` (${reasons})`}`);
    }
    throw error;
  }
  return { status: "ok", message: `Ran ${pkg}.${name}.` };
};
