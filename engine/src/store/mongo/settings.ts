import type { SettingValue } from "../work-types.js";
import { expectString } from "./expect-string.js";
import type { TenantCollections } from "./tenant-collections.js";

// Values are JSON text: a setting may hold any key, `$` and `.` included.

export const getSetting = async (
  collections: TenantCollections,
  key: string,
): Promise<SettingValue | undefined> => {
  const document = await collections.settings.findOne({ _id: { $eq: expectString(key, "Setting key") } });
  return document === null ? undefined : (JSON.parse(document.value) as SettingValue);
};

export const putSetting = async (
  collections: TenantCollections,
  key: string,
  value: SettingValue,
): Promise<void> => {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError("A setting's value must be JSON");
  await collections.settings.updateOne(
    { _id: expectString(key, "Setting key") },
    { $set: { value: json } },
    { upsert: true },
  );
};
