import type { SettingValue } from "../work-types.js";
import type { TenantDatabase } from "./tenant-database.js";

export const getSetting = (tdb: TenantDatabase, key: string): SettingValue | undefined => {
  const row = tdb.statement("SELECT value FROM settings WHERE name = ?").get(key) as
    | { value: string }
    | undefined;
  return row === undefined ? undefined : (JSON.parse(row.value) as SettingValue);
};

export const putSetting = (tdb: TenantDatabase, key: string, value: SettingValue): void => {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError("A setting's value must be JSON");
  tdb
    .statement(
      "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .run(key, json);
};
