import { type Static, Type } from "@sinclair/typebox";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { issueCollector, keyedRecord, NameSchema } from "./common.js";

/** Package names: lower-case kebab-case, as in `tessera package install <dir>`. */
export const PACKAGE_NAME_PATTERN = "^[a-z][a-z0-9-]{0,62}$";

const IDENTIFIERS = "[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*";

/** Semantic Versioning 2.0.0: `1.4.0`, `2.0.0-beta.1`, `1.0.0+build.5`. */
export const SEMVER_PATTERN = `^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-${IDENTIFIERS})?(\\+${IDENTIFIERS})?$`;

const PARTIAL = "v?(0|[1-9][0-9]*|[xX*])(\\.(0|[1-9][0-9]*|[xX*])){0,2}(-[0-9A-Za-z.-]+)?";
const COMPARATOR = `(\\^|~|>=|<=|>|<|=)?${PARTIAL}`;
const COMPARATOR_SET = `(${PARTIAL} - ${PARTIAL}|${COMPARATOR}( +${COMPARATOR})*)`;

/** An npm-style version range: `^1.2.0`, `>=1.0.0 <2.0.0`, `1.x || 2.x`, `1.0.0 - 1.4.0`, `*`. */
export const SEMVER_RANGE_PATTERN = `^${COMPARATOR_SET}( *\\|\\| *${COMPARATOR_SET})*$`;

const PathSchema = Type.String({ minLength: 1, maxLength: 500 });
const RangeSchema = Type.String({ pattern: SEMVER_RANGE_PATTERN, maxLength: 200 });

export const WidgetSchema = Type.Object(
  {
    name: NameSchema,
    /** `field`: renders one field's value in forms; `panel`: a section of a record page. */
    kind: Type.Union([Type.Literal("field"), Type.Literal("panel")]),
    /** Module of the widget's browser code, relative to the package root. */
    entry: PathSchema,
  },
  { additionalProperties: false },
);
export type Widget = Static<typeof WidgetSchema>;

export const PackageManifestSchema = Type.Object(
  {
    kind: Type.Literal("package"),
    name: Type.String({ pattern: PACKAGE_NAME_PATTERN }),
    version: Type.String({ pattern: SEMVER_PATTERN, maxLength: 64 }),
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    /** Tessera versions the package works with. */
    tessera: RangeSchema,
    /** Packages that must be installed first, by name, with the versions accepted. */
    dependencies: Type.Optional(keyedRecord(PACKAGE_NAME_PATTERN, RangeSchema, 100)),
    /** Metadata files or directories of the bundle, relative to the package root. */
    metadata: Type.Array(PathSchema, { maxItems: 1000 }),
    sampleData: Type.Optional(PathSchema),
    /** Module registering server hooks, actions and field types, relative to the package root. */
    server: Type.Optional(PathSchema),
    widgets: Type.Optional(Type.Array(WidgetSchema, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type PackageManifest = Static<typeof PackageManifestSchema>;

/**
 * Paths stay inside the package: relative, `/`-separated, segments of plain characters that never
 * start with a dot (so no `..`, no hidden files), an optional leading `./` and trailing `/`.
 */
const SAFE_PATH = /^(\.\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\/?$/;

export const isSafePackagePath = (path: string): boolean => SAFE_PATH.test(path);

/** Expressions: none. */
export const checkPackage: SemanticCheck<PackageManifest> = (doc) => {
  const { issues, report } = issueCollector(doc);
  const checkPath = (path: string, tokens: ReadonlyArray<string | number>) => {
    if (!isSafePackagePath(path)) {
      report(
        tokens,
        "package.unsafePath",
        `"${path}" must be a relative path inside the package, without "..".`,
      );
    }
  };
  doc.metadata.forEach((path, m) => {
    checkPath(path, ["metadata", m]);
  });
  if (doc.sampleData !== undefined) checkPath(doc.sampleData, ["sampleData"]);
  if (doc.server !== undefined) checkPath(doc.server, ["server"]);
  const widgets = new Set<string>();
  doc.widgets?.forEach((widget, w) => {
    checkPath(widget.entry, ["widgets", w, "entry"]);
    if (widgets.has(widget.name)) {
      report(["widgets", w, "name"], "package.duplicateWidget", `Widget "${widget.name}" is declared twice.`);
    }
    widgets.add(widget.name);
  });
  if (doc.dependencies !== undefined && Object.hasOwn(doc.dependencies, doc.name)) {
    report(["dependencies", doc.name], "package.selfDependency", "A package cannot depend on itself.");
  }
  return issues;
};
