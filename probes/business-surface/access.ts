// Can a buyer read a crawled page? A page is public when it answered 2xx with its own content;
// gated when it asks for a login — 401/407 (RFC 9110 §15.5.2, §15.5.8), 403, a redirect that ends
// on a sign-in page, or a sign-in form served in its place; broken when it answered 404/410, another
// error status or nothing; unchecked when portalprobe's own robots.txt manners kept the crawl from
// fetching it (that says nothing about the page). Pure.
import type { Page } from '../../src/contract/index.js';
import type { CommonLists, LangLists } from './keywords.js';
import { matches } from './text-match.js';
import { isAuthUrl, shortLabel } from './url-parts.js';

export type Access = 'public' | 'gated' | 'broken' | 'unchecked';

export interface AccessVerdict {
  access: Access;
  /** What showed it, for evidence ("redirects to /login?next=/pricing", "HTTP 404"); null when public. */
  reason: string | null;
}

const ROBOTS_CODE = 'PP_ERR_ROBOTS_DISALLOWED';

/** A sign-in page: a password input and sign-in words in its title or first heading. */
export function looksLikeLoginPage(page: Page, lists: LangLists): boolean {
  if (!page.forms.some((f) => f.hasPassword)) return false;
  const labels = [page.title ?? '', ...page.headings.filter((h) => h.level <= 2).map((h) => h.text), ...page.forms.map((f) => f.text)];
  return labels.some((label) => lists.loginWords.some((m) => matches(label, m)));
}

export function pageAccess(page: Page, origin: string, common: CommonLists, lists: LangLists): AccessVerdict {
  const { status } = page;
  if (status === 0) {
    if (page.error?.code === ROBOTS_CODE) return { access: 'unchecked', reason: 'not checked (robots.txt)' };
    return { access: 'broken', reason: `no response${page.error ? ` (${page.error.code})` : ''}` };
  }
  if (status === 401 || status === 407 || status === 403) return { access: 'gated', reason: `HTTP ${status}` };
  if (status >= 300) return { access: 'broken', reason: `HTTP ${status}` };
  if (status < 200) return { access: 'broken', reason: `HTTP ${status}` };
  const final = page.finalUrl || page.url;
  if (final !== page.url && isAuthUrl(final, common.authUrls) && !isAuthUrl(page.url, common.authUrls)) {
    return { access: 'gated', reason: `redirects to ${shortLabel(final, origin)}` };
  }
  if (looksLikeLoginPage(page, lists)) {
    return { access: 'gated', reason: final !== page.url ? `redirects to a sign-in page (${shortLabel(final, origin)})` : 'serves a sign-in form' };
  }
  return { access: 'public', reason: null };
}
