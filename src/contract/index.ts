// The contracts of portalprobe in one place: the report every consumer reads (report.ts), what a
// probe is and receives (probe.ts), what it reports (finding.ts, facts/), and the crawled pages it
// reads (page.ts). Types and a few constants only; nothing here imports from the rest of src/.
export * from './report.js';
export * from './finding.js';
export * from './probe.js';
export * from './page.js';
export * from './facts/index.js';
