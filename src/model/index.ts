// The maturity model's public surface: load the data, score practices, roll up scores, build the
// roadmap, read assessor input, describe the model. Everything except loadModel is pure.
export { loadModel, defaultModelPath, clearModelCache, DEFAULT_MODEL_FILE } from './load.js';
export { validateModel } from './validate.js';
export { scorePractices } from './score.js';
export { scoreModel, staircase } from './aggregate.js';
export { buildRoadmap, defaultPriority, MAX_ITEMS_PER_PRIORITY } from './roadmap.js';
export { parseAssessment, toAssessment, assertAssessmentMatches } from './assessment.js';
export { factsFromProbes } from './facts.js';
export { CHECKS } from './checks.js';
export { KNOWN_PROBES, KNOWN_PROBE_FACTS } from './known-probes.js';
export { modelStats, isAutomatic, ruleLeaves, evidenceKinds } from './stats.js';
export type * from './types.js';
