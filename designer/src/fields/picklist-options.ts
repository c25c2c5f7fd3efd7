import type { PicklistOption } from "@tessera/metadata";

/** The options with one more at the end: `optionN` with label "Option N", N the first free number. */
export const addPicklistOption = (options: readonly PicklistOption[]): PicklistOption[] => {
  const taken = new Set(options.map((o) => o.value));
  let n = options.length + 1;
  while (taken.has(`option${n}`)) n++;
  return [...options, { value: `option${n}`, label: { en: `Option ${n}`, "zh-CN": `选项 ${n}` } }];
};
