// The probe registry: every probe an audit runs, in report order (a probe's id equals its folder
// name), and the collectors probes add to the crawl's DOM walk.
import type { PageCollector, Probe } from '../src/contract/index.js';
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
import navigationCollector from './navigation/collector.js';

export const ALL_PROBES: Probe[] = [robots, sitemap, llmsTxt, openapi, structuredData, indexability, gating, rendering, markdown, agentDiscovery, businessSurface, navigation];

/** Collectors the audit hands to the page parser: each fills one artifact during the crawl's DOM walk. */
export const PAGE_COLLECTORS: readonly PageCollector[] = [navigationCollector];
