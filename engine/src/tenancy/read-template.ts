import { type PackageContents, readPackage } from "../packages/read-package.js";
import { activePlugins } from "../plugins/active-plugins.js";

/** A template is a package of the plugins folder, named by its package name. */
export const readTemplate = async (name: string): Promise<PackageContents> => {
  const plugins = activePlugins().plugins;
  const dir = plugins.get(name)?.dir;
  if (dir === undefined) {
    const available = [...plugins.keys()].sort().join(", ") || "none";
    throw new Error(`No template "${name}" in the plugins folder; available: ${available}.`);
  }
  return readPackage(dir);
};
