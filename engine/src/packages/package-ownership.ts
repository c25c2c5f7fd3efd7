import type { TenantStore } from "../store/store-port.js";

/** What a tenant records about an installed package besides its published manifest. */
export interface PackageOwnership {
  version: string;
  /** `kind/name` of every document the package installed, so an upgrade can remove what it dropped. */
  documents: string[];
  installedAt: string;
}

const key = (name: string) => `package.${name}`;

export const readOwnership = async (
  store: TenantStore,
  name: string,
): Promise<PackageOwnership | undefined> => {
  const value = await store.getSetting(key(name));
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const documents = Array.isArray(value.documents)
    ? value.documents.filter((d) => typeof d === "string")
    : [];
  return {
    version: String(value.version ?? ""),
    documents: documents as string[],
    installedAt: String(value.installedAt ?? ""),
  };
};

export const writeOwnership = (
  store: TenantStore,
  name: string,
  ownership: PackageOwnership,
): Promise<void> => store.putSetting(key(name), { ...ownership });
