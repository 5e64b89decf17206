// Click depth is a property of the link graph, not of the order pages happened to be fetched in:
// a breadth-first walk from the start page over the anchors of crawled pages.
import type { Page } from '../contract/index.js';

export function computeClickDepths(pages: Pick<Page, 'url' | 'finalUrl' | 'anchors'>[], startUrl: string): Map<string, number> {
  const byUrl = new Map<string, Pick<Page, 'url' | 'finalUrl' | 'anchors'>>();
  for (const page of pages) {
    byUrl.set(page.url, page);
    byUrl.set(page.finalUrl, page);
  }
  const depths = new Map<string, number>();
  const start = byUrl.get(startUrl);
  if (!start) return depths;
  const queue: [Pick<Page, 'url' | 'finalUrl' | 'anchors'>, number][] = [[start, 0]];
  depths.set(start.url, 0);
  depths.set(start.finalUrl, 0);
  while (queue.length > 0) {
    const [page, depth] = queue.shift()!;
    for (const anchor of page.anchors) {
      const target = byUrl.get(anchor.href);
      if (!target || depths.has(target.url)) continue;
      depths.set(target.url, depth + 1);
      depths.set(target.finalUrl, depth + 1);
      queue.push([target, depth + 1]);
    }
  }
  return depths;
}
