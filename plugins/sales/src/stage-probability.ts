import type { BeforeSaveHook } from "@tessera/engine";

/** Each stage's probability, in percent; a closed stage is certain either way. */
const STAGE_PROBABILITY: Readonly<Record<string, number>> = {
  prospecting: 10,
  qualification: 20,
  needsAnalysis: 40,
  proposal: 60,
  negotiation: 80,
  closedWon: 100,
  closedLost: 0,
};

/** The opportunity's default probability (the field's `default`): what a create without one gets. */
const DEFAULT_PROBABILITY = 10;

/**
 * The probability follows the stage: a new opportunity without a probability of its own gets its
 * stage's, and a stage change moves it, unless the same write sets the probability too.
 */
export const followStageProbability: BeforeSaveHook = (event) => {
  const stage = event.values.stage;
  if (typeof stage !== "string" || !Object.hasOwn(STAGE_PROBABILITY, stage)) return;
  const probability = event.values.probability;
  const own =
    event.previous === undefined
      ? probability !== undefined && probability !== DEFAULT_PROBABILITY
      : stage === event.previous.stage || probability !== event.previous.probability;
  if (!own) event.values.probability = STAGE_PROBABILITY[stage] ?? DEFAULT_PROBABILITY;
};
