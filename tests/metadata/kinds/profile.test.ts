import { describe, expect, it } from "vitest";
import { checkProfile, ProfileSchema } from "../../../metadata/src/kinds/profile.js";
import { aProfile } from "./builders.js";
import { findings, sampleContext } from "./context.js";
import { refusedAt } from "./schema-errors.js";

describe("profile schema", () => {
  it("accepts the sample profile", () => {
    expect(refusedAt(ProfileSchema, aProfile())).toEqual([]);
  });

  it("refuses a session timeout under 5 minutes", () => {
    expect(refusedAt(ProfileSchema, { ...aProfile(), sessionTimeoutMinutes: 1 })).toEqual([
      "/sessionTimeoutMinutes",
    ]);
  });

  it("refuses login hours on a day that is not a weekday name", () => {
    const loginHours = { funday: { start: "08:00", end: "18:00" } };
    expect(refusedAt(ProfileSchema, { ...aProfile(), loginHours })).toEqual(["/loginHours/funday"]);
  });

  it("refuses a time that is not HH:MM", () => {
    const loginHours = { monday: { start: "8am", end: "24:00" } };
    expect(refusedAt(ProfileSchema, { ...aProfile(), loginHours })).toEqual(["/loginHours/monday/start"]);
  });

  it("refuses prototype-reaching keys as object names", () => {
    const objects = JSON.parse('{"__proto__": {"read": true}}');
    expect(refusedAt(ProfileSchema, { ...aProfile(), objects })).toEqual(["/objects/__proto__"]);
  });
});

describe("profile checks", () => {
  it("accepts the sample profile", () => {
    expect(checkProfile(aProfile(), sampleContext())).toEqual([]);
  });

  it("reports unknown objects and fields and inconsistent grants with profile codes", () => {
    const profile = aProfile({
      objects: { payment: { read: true }, invoice: { edit: true } },
      fields: { invoice: { total: { read: true } } },
    });
    expect(findings(checkProfile(profile, sampleContext()))).toEqual([
      { code: "profile.unknownObject", path: "/objects/payment" },
      { code: "profile.inconsistent", path: "/objects/invoice/edit" },
      { code: "profile.unknownField", path: "/fields/invoice/total" },
    ]);
  });

  it("reports login hours that end before they start", () => {
    const profile = aProfile({ loginHours: { tuesday: { start: "18:00", end: "08:00" } } });
    expect(findings(checkProfile(profile, sampleContext()))).toEqual([
      { code: "profile.invalidLoginHours", path: "/loginHours/tuesday/end" },
    ]);
  });
});
