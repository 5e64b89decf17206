// Hints at the commercial model, quoted from the pages a buyer reads for it (the pricing and
// free-tier pages, then the home page): a free tier, per-call / usage-based prices, tiers or
// named plans, "contact sales", and subscriptions. Code samples are ignored. Pure.
import { inCode } from './code-text.js';
import type { LangLists } from './keywords.js';
import type { PageText } from './signals.js';
import { firstHit, mayMatch, quoteAround } from './text-match.js';
import { PRICING_MODELS } from './types.js';
import type { PricingHint } from '../../src/contract/index.js';

const MAX_PER_MODEL = 2;

export interface PricingPage {
  url: string;
  text: PageText;
  lists: LangLists;
}

export function pricingHints(pages: readonly PricingPage[]): PricingHint[] {
  const out: PricingHint[] = [];
  for (const model of PRICING_MODELS) {
    let n = 0;
    for (const page of pages) {
      if (n >= MAX_PER_MODEL) break;
      const reject = (index: number, length: number) => inCode(page.text.text, index, length, page.text.code());
      for (const m of page.lists.pricingModel[model]) {
        if (!mayMatch(page.text.lower, m)) continue;
        const hit = firstHit(page.text.text, m, reject);
        if (!hit) continue;
        out.push({ model, url: page.url, quote: quoteAround(page.text.text, hit.index, hit.match.length) });
        n++;
        break;
      }
    }
  }
  return out;
}
