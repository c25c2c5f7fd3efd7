import { compileObjectSchema, createAjv, type ObjectDefinition } from "../../../metadata/src/index.js";
import { seededRandom, throughput } from "../measure.js";

const label = (en: string) => ({ en });

/** A 30-field object mixing the field types a real CRM object has. */
export const thirtyFieldObject = (): ObjectDefinition => {
  const fields: ObjectDefinition["fields"] = [];
  for (let i = 0; i < 8; i += 1)
    fields.push({ name: `text${i}`, type: "text", label: label(`Text ${i}`), maxLength: 120 });
  for (let i = 0; i < 6; i += 1)
    fields.push({ name: `amount${i}`, type: "currency", label: label(`Amount ${i}`), min: 0, scale: 2 });
  for (let i = 0; i < 4; i += 1)
    fields.push({ name: `count${i}`, type: "number", label: label(`Count ${i}`), min: 0, max: 1e9 });
  for (let i = 0; i < 4; i += 1) fields.push({ name: `day${i}`, type: "date", label: label(`Day ${i}`) });
  for (let i = 0; i < 4; i += 1) {
    fields.push({
      name: `status${i}`,
      type: "picklist",
      label: label(`Status ${i}`),
      options: ["a", "b", "c", "d"].map((v) => ({ value: v, label: label(v) })),
    });
  }
  fields.push({ name: "email", type: "email", label: label("E-mail") });
  fields.push({ name: "active", type: "boolean", label: label("Active") });
  fields.push({ name: "account", type: "lookup", label: label("Account"), reference: "account" });
  fields.push({ name: "rate", type: "percent", label: label("Rate") });
  return {
    kind: "object",
    name: "wide",
    label: label("Wide"),
    pluralLabel: label("Wides"),
    recordName: "text0",
    sharingModel: "private",
    fields,
  };
};

const recordFor = (random: () => number, i: number): Record<string, unknown> => {
  const record: Record<string, unknown> = {};
  for (let f = 0; f < 8; f += 1) record[`text${f}`] = `value ${i} ${f}`;
  for (let f = 0; f < 6; f += 1) record[`amount${f}`] = Math.round(random() * 1e6) / 100;
  for (let f = 0; f < 4; f += 1) record[`count${f}`] = Math.floor(random() * 1000);
  for (let f = 0; f < 4; f += 1) record[`day${f}`] = `2026-0${1 + (f % 9)}-1${f}`;
  for (let f = 0; f < 4; f += 1) record[`status${f}`] = ["a", "b", "c", "d"][f];
  record.email = `user${i}@example.com`;
  record.active = i % 2 === 0;
  record.account = `acc${i}`;
  record.rate = 12.5;
  return record;
};

export const runRecordValidationBench = () => {
  const validate = createAjv().compile(compileObjectSchema(thirtyFieldObject()));
  const random = seededRandom(7);
  const records = Array.from({ length: 50_000 }, (_, i) => recordFor(random, i));
  let valid = 0;
  const result = throughput(records.length, 5, () => {
    for (const r of records) if (validate(r)) valid += 1;
  });
  return {
    fields: 30,
    records: records.length,
    allValid: valid === records.length * 6,
    validationsPerSecond: result.opsPerSec,
  };
};
