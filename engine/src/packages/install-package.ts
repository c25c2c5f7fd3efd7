import { documentId, type JsonObject, type MetadataDocument } from "@tessera/metadata";
import semver from "semver";
import { conflict, EngineError } from "../errors/engine-error.js";
import { activePlugins } from "../plugins/active-plugins.js";
import { assessDraft } from "../registry/assess-draft.js";
import { discardDraft } from "../registry/discard-draft.js";
import type { MetadataCache } from "../registry/metadata-cache.js";
import { type PublishResult, publishDraft } from "../registry/publish-draft.js";
import type { TenantStore } from "../store/store-port.js";
import { loadSampleData, type SampleDataResult } from "./load-sample-data.js";
import { readOwnership, writeOwnership } from "./package-ownership.js";
import type { PackageContents } from "./read-package.js";
import { TESSERA_VERSION } from "./tessera-version.js";

export interface InstallOptions {
  /** The user id the draft writes and the publish are recorded under. */
  actor: string;
  /** Accept a publish that loses data (as `POST /metadata/publish {"force": true}`). */
  force?: boolean;
  /** Load the package's sample data (first install only). */
  sampleData?: boolean;
  now?: () => Date;
}

export interface InstallResult {
  package: string;
  version: string;
  status: "installed" | "upgraded" | "unchanged";
  previousVersion?: string;
  /** The publish that applied the package: its version, change set and data impact. */
  publish?: PublishResult;
  sampleData?: SampleDataResult;
}

const refuse = (code: string, title: string, path = "", message = title) =>
  new EngineError(422, "invalid", title, [{ path, code, message }]);

/** The checks that need no writes: versions, Tessera range, dependencies, server code present. */
const checkInstallable = (
  contents: PackageContents,
  installed: ReadonlyMap<string, string>,
): { previousVersion?: string; unchanged: boolean } => {
  const { manifest } = contents;
  if (!semver.satisfies(TESSERA_VERSION, manifest.tessera, { includePrerelease: true }))
    throw refuse(
      "package.tesseraVersion",
      `"${manifest.name}" ${manifest.version} needs Tessera ${manifest.tessera}; this is ${TESSERA_VERSION}`,
      "/tessera",
    );
  for (const [dependency, range] of Object.entries(manifest.dependencies ?? {})) {
    const version = installed.get(dependency);
    if (version === undefined || !semver.satisfies(version, range, { includePrerelease: true }))
      throw refuse(
        "package.dependencyMissing",
        `"${manifest.name}" needs the package "${dependency}" ${range} installed first${version === undefined ? "" : ` (the tenant has ${version})`}`,
        `/dependencies/${dependency}`,
      );
  }
  if (manifest.server !== undefined || (manifest.widgets?.length ?? 0) > 0) {
    const loaded = activePlugins().plugins.get(manifest.name);
    if (loaded === undefined || loaded.manifest.version !== manifest.version)
      throw refuse(
        "package.codeMissing",
        `"${manifest.name}" ${manifest.version} has code; this server runs ${loaded === undefined ? "no such plugin" : `version ${loaded.manifest.version}`}. Deploy it into the plugins folder and restart first`,
        "/server",
      );
  }
  const previousVersion = installed.get(manifest.name);
  if (previousVersion === undefined) return { unchanged: false };
  if (semver.lt(manifest.version, previousVersion))
    throw conflict(
      "package.downgrade",
      `"${manifest.name}" ${previousVersion} is installed; ${manifest.version} is older and would be a downgrade`,
    );
  return { previousVersion, unchanged: semver.eq(manifest.version, previousVersion) };
};

/**
 * Installs or upgrades a package in a tenant through the same draft and publish path an
 * administrator uses: the bundle's documents (and its manifest, which marks it installed) replace
 * those of the same kind and name, documents an earlier version installed and this one dropped are
 * removed, and the whole set is validated, assessed for data impact and published as one version.
 * Installing the installed version again changes nothing. Anything refused leaves the tenant's
 * metadata and draft as they were.
 */
export const installPackage = async (
  store: TenantStore,
  cache: MetadataCache,
  contents: PackageContents,
  options: InstallOptions,
): Promise<InstallResult> => {
  const now = options.now ?? (() => new Date());
  const { manifest } = contents;
  const current = await store.currentVersion();
  const published = (current?.documents ?? []) as unknown as MetadataDocument[];
  const installed = new Map(
    published.filter((d) => d.kind === "package").map((d) => [d.name, String(d.version)]),
  );
  const { previousVersion, unchanged } = checkInstallable(contents, installed);
  const base = { package: manifest.name, version: manifest.version };
  if (unchanged)
    return { ...base, status: "unchanged", ...(previousVersion !== undefined && { previousVersion }) };
  const draft = await store.listDraft();
  if (
    current !== undefined &&
    (
      await assessDraft(
        store,
        draft.map((d) => d.document),
      )
    ).changes.length > 0
  )
    throw conflict(
      "package.draftPending",
      "The tenant's draft has unpublished changes; publish or discard them before installing a package",
    );
  const bundle = [...contents.documents, manifest as MetadataDocument];
  const ids = new Set(bundle.map((d) => documentId(d)));
  const dropped = ((await readOwnership(store, manifest.name))?.documents ?? []).filter((id) => !ids.has(id));
  const stamp = now().toISOString();
  let publish: PublishResult;
  try {
    for (const doc of bundle)
      await store.putDraft({
        kind: doc.kind,
        name: doc.name,
        document: doc as unknown as JsonObject,
        updatedAt: stamp,
        updatedBy: options.actor,
      });
    for (const id of dropped) {
      const [kind = "", name = ""] = id.split("/");
      await store.deleteDraft(kind, name);
    }
    publish = await publishDraft(store, {
      actor: options.actor,
      now,
      ...(options.force === true && { force: true }),
    });
  } catch (error) {
    // Back to the published documents, so a refused install leaves the draft as it found it.
    if (current !== undefined) await discardDraft(store, options.actor, now());
    else for (const doc of bundle) await store.deleteDraft(doc.kind, doc.name);
    throw error;
  }
  await writeOwnership(store, manifest.name, {
    version: manifest.version,
    documents: [...ids].filter((id) => !id.startsWith("package/")).sort(),
    installedAt: stamp,
  });
  let sampleData: SampleDataResult | undefined;
  if (options.sampleData === true && previousVersion === undefined && contents.sampleData !== undefined) {
    const metadata = await cache.current(store);
    if (metadata === undefined) throw new Error(`Tenant ${store.tenant}: the install did not activate`);
    sampleData = await loadSampleData(store, metadata, contents.sampleData, { actor: options.actor, now });
  }
  return {
    ...base,
    status: previousVersion === undefined ? "installed" : "upgraded",
    ...(previousVersion !== undefined && { previousVersion }),
    publish,
    ...(sampleData !== undefined && { sampleData }),
  };
};
