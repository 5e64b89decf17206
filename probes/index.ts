// The probe registry: every probe an audit runs, in report order. A probe's id equals its file name.
import type { Probe } from '../src/contract/probe.js';
import robots from './robots.js';
import sitemap from './sitemap.js';
import llmsTxt from './llms-txt.js';
import openapi from './openapi.js';
import structuredData from './structured-data.js';
import indexability from './indexability.js';
import rendering from './rendering.js';
import gating from './gating.js';
import markdown from './markdown.js';
import agentDiscovery from './agent-discovery.js';
import businessSurface from './business-surface.js';
import navigation from './navigation.js';

export const ALL_PROBES: Probe[] = [robots, sitemap, llmsTxt, openapi, structuredData, indexability, gating, rendering, markdown, agentDiscovery, businessSurface, navigation];

export function probeById(id: string): Probe | undefined {
  return ALL_PROBES.find((p) => p.id === id);
}
