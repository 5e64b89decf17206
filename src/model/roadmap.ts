// Turns failing practices into a prioritised roadmap (docs/ARCHITECTURE.md §2):
//   P1 — blocks evaluation or commercial engagement,
//   P2 — trust during live integration and over the lifecycle,
//   P3 — reach and community.
// A practice's own `roadmap.priority` wins. Otherwise, in this order:
//   1. stage 1 in discovery, decisionMaking or onboarding → P1;
//   2. community, or stage 3 anywhere → P3 (forums and multi-language SDKs are "reach", even at stage 2);
//   3. everything else (goLive, maintenance, stage 2) → P2.
// Only status `fail` enters (partial is progress, manual is unknown). Ordered by priority, stage,
// weight (heaviest first) and id; one item per practice; at most 10 per priority.
import type { FocusAreaId, PracticeResult, RoadmapItem } from '../contract/index.js';
import type { Model, PracticeDef } from './types.js';

export const MAX_ITEMS_PER_PRIORITY = 10;

const P1_AREAS: ReadonlySet<FocusAreaId> = new Set(['discovery', 'decisionMaking', 'onboarding']);

export function defaultPriority(focusArea: FocusAreaId, stage: 1 | 2 | 3): 1 | 2 | 3 {
  if (stage === 1 && P1_AREAS.has(focusArea)) return 1;
  if (focusArea === 'community' || stage === 3) return 3;
  return 2;
}

export function buildRoadmap(model: Model, practices: readonly PracticeResult[]): RoadmapItem[] {
  const defs = new Map<string, PracticeDef>(model.practices.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const candidates: { item: RoadmapItem; stage: number; weight: number }[] = [];
  for (const r of practices) {
    const def = defs.get(r.id);
    if (!def || r.status !== 'fail' || seen.has(r.id)) continue;
    seen.add(r.id);
    const priority = def.roadmap?.priority ?? defaultPriority(r.focusArea, def.stage);
    candidates.push({
      stage: def.stage,
      weight: def.weight,
      item: {
        priority,
        practiceId: r.id,
        title: def.name,
        why: def.roadmap?.why ?? def.definition,
        evidence: r.evidence.map((e) => ({ ...e })),
        done: def.roadmap?.done ?? def.definition,
        focusArea: r.focusArea,
      },
    });
  }
  candidates.sort((a, b) =>
    a.item.priority - b.item.priority
    || a.stage - b.stage
    || b.weight - a.weight
    || (a.item.practiceId < b.item.practiceId ? -1 : a.item.practiceId > b.item.practiceId ? 1 : 0));
  const perPriority = new Map<number, number>();
  const out: RoadmapItem[] = [];
  for (const { item } of candidates) {
    const n = perPriority.get(item.priority) ?? 0;
    if (n >= MAX_ITEMS_PER_PRIORITY) continue;
    perPriority.set(item.priority, n + 1);
    out.push(item);
  }
  return out;
}
