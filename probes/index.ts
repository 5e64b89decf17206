// The probe registry: every probe an audit runs, in report order. A probe's id equals its file name.
import type { Probe } from '../src/contract/index.js';
import robots from './robots/index.js';
import sitemap from './sitemap/index.js';
import llmsTxt from './llms-txt/index.js';
import openapi from './openapi/index.js';
import structuredData from './structured-data/index.js';
import indexability from './indexability/index.js';
import rendering from './rendering/index.js';
import gating from './gating/index.js';
import markdown from './markdown/index.js';
import agentDiscovery from './agent-discovery/index.js';
import businessSurface from './business-surface/index.js';
import navigation from './navigation/index.js';

export const ALL_PROBES: Probe[] = [robots, sitemap, llmsTxt, openapi, structuredData, indexability, gating, rendering, markdown, agentDiscovery, businessSurface, navigation];

export function probeById(id: string): Probe | undefined {
  return ALL_PROBES.find((p) => p.id === id);
}
