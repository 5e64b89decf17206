// The navigation probe's part of the crawl's DOM walk: search UI and breadcrumb trails recognised
// element by element (elements.ts) while the crawl parses each page, so the probe needs no second
// parse. The audit hands it to the page parser through probes/index.ts PAGE_COLLECTORS.
import type { PageCollector } from '../../src/contract/index.js';
import { NavigationCollector, navigationHints } from './elements.js';

export const navigationCollector: PageCollector<'navigation'> = {
  artifact: 'navigation',
  module: import.meta.url,
  start: (html) => new NavigationCollector(navigationHints(html)),
};

export default navigationCollector;
