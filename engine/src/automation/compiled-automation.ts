import type {
  ApprovalEvent,
  ApprovalProcess,
  Automation,
  CompiledRule,
  MetadataDocument,
} from "@tessera/metadata";
import { type CompiledValue, compileActionValue, compileOptionalRule } from "./action-value.js";

/** An automation with its rules and action values compiled, per metadata version. */
export interface CompiledAutomation {
  readonly definition: Automation;
  readonly condition?: CompiledRule;
  readonly unless?: CompiledRule;
  /** Per action index: compiled `value` (fieldUpdate) or `values` (createRecord), and `rules[].when`. */
  readonly values: ReadonlyArray<ReadonlyMap<string, CompiledValue>>;
  readonly assignmentRules: ReadonlyArray<readonly CompiledRule[]>;
}

export interface CompiledApprovalProcess {
  readonly definition: ApprovalProcess;
  readonly entryCriteria?: CompiledRule;
  readonly stepCriteria: ReadonlyArray<CompiledRule | undefined>;
  /** Compiled field-update values per event and action index. */
  readonly values: ReadonlyMap<ApprovalEvent, ReadonlyArray<CompiledValue | undefined>>;
}

const byObject = <T extends { definition: { object: string } }>(items: T[]): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items)
    map.set(item.definition.object, [...(map.get(item.definition.object) ?? []), item]);
  return map;
};

export const compileAutomations = (
  documents: readonly MetadataDocument[],
): Map<string, CompiledAutomation[]> =>
  byObject(
    documents
      .filter((d): d is Automation => d.kind === "automation" && d.active)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((definition) => {
        const trigger = definition.trigger;
        const unless = trigger.type === "sla" ? compileOptionalRule(trigger.unless) : undefined;
        const condition = compileOptionalRule(definition.condition);
        return {
          definition,
          ...(condition !== undefined && { condition }),
          ...(unless !== undefined && { unless }),
          values: definition.actions.map((action) => {
            const values = new Map<string, CompiledValue>();
            if (action.type === "fieldUpdate") values.set(action.field, compileActionValue(action.value));
            if (action.type === "createRecord") {
              for (const [field, value] of Object.entries(action.values))
                values.set(field, compileActionValue(value));
            }
            return values;
          }),
          assignmentRules: definition.actions.map((action) =>
            action.type === "assignOwner" && action.strategy === "rules"
              ? action.rules.map((rule) => compileOptionalRule(rule.when) as CompiledRule)
              : [],
          ),
        };
      }),
  );

/** Active approval processes per object, lowest priority first. */
export const compileApprovalProcesses = (
  documents: readonly MetadataDocument[],
): Map<string, CompiledApprovalProcess[]> =>
  byObject(
    documents
      .filter((d): d is ApprovalProcess => d.kind === "approvalProcess" && d.active)
      .sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))
      .map((definition) => {
        const entryCriteria = compileOptionalRule(definition.entryCriteria);
        const values = new Map<ApprovalEvent, Array<CompiledValue | undefined>>();
        for (const [event, actions] of Object.entries(definition.actions ?? {})) {
          values.set(
            event as ApprovalEvent,
            (actions ?? []).map((action) =>
              action.type === "fieldUpdate" ? compileActionValue(action.value) : undefined,
            ),
          );
        }
        return {
          definition,
          ...(entryCriteria !== undefined && { entryCriteria }),
          stepCriteria: definition.steps.map((step) => compileOptionalRule(step.entryCriteria)),
          values,
        };
      }),
  );

/** An inactive process still decides its pending requests: find any process by name. */
export const findProcess = (
  documents: readonly MetadataDocument[],
  name: string,
): ApprovalProcess | undefined =>
  documents.find((d): d is ApprovalProcess => d.kind === "approvalProcess" && d.name === name);
