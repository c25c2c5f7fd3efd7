import { type Static, Type } from "@sinclair/typebox";
import { LocalizedTextSchema } from "../i18n/localized-text.js";
import type { SemanticCheck } from "../validate/check-context.js";
import { issueCollector, NameSchema } from "./common.js";
import { checkPermissionGrants, permissionProperties } from "./permission-set.js";

/** In the order of LoginHoursSchema's keys. */
export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `HH:MM` on a 24-hour clock; `24:00` ends a day. */
const TimeOfDaySchema = Type.String({ pattern: "^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$" });

export const LoginWindowSchema = Type.Object(
  { start: TimeOfDaySchema, end: TimeOfDaySchema },
  { additionalProperties: false },
);

const optionalWindow = () => Type.Optional(LoginWindowSchema);

/** When present, users may log in only inside these windows; a day left out allows no login. */
export const LoginHoursSchema = Type.Object(
  {
    /** IANA time zone of the windows; the tenant's when absent. */
    timeZone: Type.Optional(Type.String({ pattern: "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$" })),
    monday: optionalWindow(),
    tuesday: optionalWindow(),
    wednesday: optionalWindow(),
    thursday: optionalWindow(),
    friday: optionalWindow(),
    saturday: optionalWindow(),
    sunday: optionalWindow(),
  },
  { additionalProperties: false },
);
export type LoginHours = Static<typeof LoginHoursSchema>;

export const ProfileSchema = Type.Object(
  {
    kind: Type.Literal("profile"),
    name: NameSchema,
    label: LocalizedTextSchema,
    description: Type.Optional(LocalizedTextSchema),
    /** Idle time after which a session ends. */
    sessionTimeoutMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440 })),
    loginHours: Type.Optional(LoginHoursSchema),
    ...permissionProperties,
  },
  { additionalProperties: false },
);
export type Profile = Static<typeof ProfileSchema>;

/** Expressions: none. */
export const checkProfile: SemanticCheck<Profile> = (doc, ctx) => {
  const { issues, report } = issueCollector(doc);
  checkPermissionGrants(doc, "profile", ctx, report);
  for (const day of WEEKDAYS) {
    const window = doc.loginHours?.[day];
    if (window !== undefined && window.start >= window.end) {
      report(
        ["loginHours", day, "end"],
        "profile.invalidLoginHours",
        `On ${day}, login hours end (${window.end}) before they start (${window.start}).`,
      );
    }
  }
  return issues;
};
