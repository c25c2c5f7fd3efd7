import { describe, expect, it } from "vitest";
import {
  checkPackage,
  isSafePackagePath,
  PackageManifestSchema,
} from "../../../metadata/src/kinds/package.js";
import { aPackage } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("package schema", () => {
  it("accepts the sample manifest", () => {
    expect(refusedAt(PackageManifestSchema, aPackage())).toEqual([]);
  });

  it("refuses a name that is not kebab-case", () => {
    expect(refusedAt(PackageManifestSchema, { ...aPackage(), name: "Sales_Pack" })).toEqual(["/name"]);
  });

  it.each(["1.0", "01.0.0", "1.0.0-", "v1.0.0", "latest"])("refuses version %s", (version) => {
    expect(refusedAt(PackageManifestSchema, { ...aPackage(), version })).toEqual(["/version"]);
  });

  it.each(["*", "1.x", "^1.2.3", "~0.4", ">=1.0.0 <2.0.0", "1.x || >=2.5.0", "1.0.0 - 1.4.0", "2.0.0-rc.1"])(
    "accepts range %s",
    (tessera) => {
      expect(refusedAt(PackageManifestSchema, { ...aPackage(), tessera })).toEqual([]);
    },
  );

  it.each(["latest", "^", "1.2.3.4", "1.0.0 ||", "http://example.com/pkg.tgz"])(
    "refuses range %s",
    (tessera) => {
      expect(refusedAt(PackageManifestSchema, { ...aPackage(), tessera })).toEqual(["/tessera"]);
    },
  );

  it("matches a long hostile range quickly", () => {
    const started = performance.now();
    refusedAt(PackageManifestSchema, { ...aPackage(), tessera: `${"1.1.1 ".repeat(33)}!` });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses a dependency named constructor", () => {
    const dependencies = JSON.parse('{"constructor": "^1.0.0"}');
    expect(refusedAt(PackageManifestSchema, { ...aPackage(), dependencies })).toEqual([
      "/dependencies/constructor",
    ]);
  });

  it("refuses a widget kind that does not exist", () => {
    const widgets = [{ name: "map", kind: "page", entry: "map.js" }];
    expect(refusedAt(PackageManifestSchema, { ...aPackage(), widgets })).toContain("/widgets/0/kind");
  });
});

describe("package paths", () => {
  it.each(["metadata", "metadata/", "./metadata/objects/lead.json", "dist/server.js", "sample-data_v2"])(
    "accepts %s",
    (path) => {
      expect(isSafePackagePath(path)).toBe(true);
    },
  );

  it.each([
    "/etc/passwd",
    "../other",
    "metadata/../../secrets",
    "a/./b",
    ".env",
    "C:/Windows",
    "metadata\\..\\x",
    "a//b",
    "",
    "a/\u0000",
  ])("refuses %j", (path) => {
    expect(isSafePackagePath(path)).toBe(false);
  });
});

describe("package checks", () => {
  it("accepts the sample manifest", () => {
    expect(checkPackage(aPackage(), sampleContext())).toEqual([]);
  });

  it("reports every unsafe path with its pointer", () => {
    const manifest = aPackage({
      metadata: ["metadata", "../shared"],
      sampleData: "/tmp/data",
      server: "dist/../../server.js",
      widgets: [{ name: "funnel", kind: "panel", entry: "..\\funnel.js" }],
    });
    expect(findings(checkPackage(manifest, sampleContext()))).toEqual([
      { code: "package.unsafePath", path: "/metadata/1" },
      { code: "package.unsafePath", path: "/sampleData" },
      { code: "package.unsafePath", path: "/server" },
      { code: "package.unsafePath", path: "/widgets/0/entry" },
    ]);
  });

  it("reports a widget declared twice", () => {
    const widget = { name: "funnel", kind: "panel" as const, entry: "funnel.js" };
    expect(findings(checkPackage(aPackage({ widgets: [widget, widget] }), sampleContext()))).toEqual([
      { code: "package.duplicateWidget", path: "/widgets/1/name" },
    ]);
  });

  it("reports a package that depends on itself", () => {
    const manifest = aPackage({ dependencies: { "sales-pack": "^1.0.0" } });
    expect(findings(checkPackage(manifest, sampleContext()))).toEqual([
      { code: "package.selfDependency", path: "/dependencies/sales-pack" },
    ]);
  });
});
