// Each probe's facts (report.json `probes[].facts`), one file per probe id, in registry order. The
// model's rules, the fit-check and the renderers read these names; src/model/known-probes.ts
// checks its lists against them at compile time.
import type { AgentDiscoveryFacts } from './agent-discovery.js';
import type { BusinessSurfaceFacts } from './business-surface.js';
import type { GatingFacts } from './gating.js';
import type { IndexabilityFacts } from './indexability.js';
import type { LlmsTxtFacts } from './llms-txt.js';
import type { MarkdownFacts } from './markdown.js';
import type { NavigationFacts } from './navigation.js';
import type { OpenapiFacts } from './openapi.js';
import type { RenderingFacts } from './rendering.js';
import type { RobotsFacts } from './robots.js';
import type { SitemapFacts } from './sitemap.js';
import type { StructuredDataFacts } from './structured-data.js';

export * from './robots.js';
export * from './sitemap.js';
export * from './llms-txt.js';
export * from './openapi.js';
export * from './structured-data.js';
export * from './indexability.js';
export * from './gating.js';
export * from './rendering.js';
export * from './markdown.js';
export * from './agent-discovery.js';
export * from './business-surface.js';
export * from './navigation.js';

/** The facts type of each probe, by probe id (the key of report.json `probes[].id`). */
export interface ProbeFactsById {
  robots: RobotsFacts;
  sitemap: SitemapFacts;
  'llms-txt': LlmsTxtFacts;
  openapi: OpenapiFacts;
  'structured-data': StructuredDataFacts;
  indexability: IndexabilityFacts;
  gating: GatingFacts;
  rendering: RenderingFacts;
  markdown: MarkdownFacts;
  'agent-discovery': AgentDiscoveryFacts;
  'business-surface': BusinessSurfaceFacts;
  navigation: NavigationFacts;
}

export type ProbeId = keyof ProbeFactsById;
