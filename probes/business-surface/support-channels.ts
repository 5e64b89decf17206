// How a buyer can reach the vendor: e-mail addresses (mailto: links with a support-like name
// anywhere, any address on the support pages), phone numbers (tel: links, numbers on the support
// pages), contact forms on the support pages, chat widgets (Intercom, Drift, Zendesk …) loaded by
// the pages, and help centres linked (support.example.com, *.zendesk.com). Pure.
import type { Candidate } from './candidates.js';
import type { KeywordRegistry } from './keywords.js';
import type { PageText } from './signals.js';
import { matches } from './text-match.js';
import { parseUrl } from './url-parts.js';
import type { ChannelHit, SupportChannels } from '../../src/contract/index.js';

const MAX_PER_CHANNEL = 5;
const MAX_HTML = 1_000_000;
/** Pages searched for chat widgets besides the home and support pages. */
const MAX_WIDGET_PAGES = 30;
const MAILTO = /href\s*=\s*["']?\s*mailto:([^"'?\s>]+)/gi;
const TEL = /href\s*=\s*["']?\s*tel:([^"'\s>]+)/gi;
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[a-z\d-]{1,63}(?:\.[a-z\d-]{1,63})*\.[a-z]{2,24}\b/gi;
const PHONE = /(?<![\w+])(?:\+|00)\d[\d\s().\/-]{6,18}\d(?!\d)/g;
const ONLY_NON_CONTACT_INPUTS = new Set(['search', 'hidden', 'submit', 'button', 'image', 'reset']);

export interface SupportInput {
  /** Readable crawled pages. */
  pages: readonly Candidate[];
  /** Final URLs of the support pages (the kind's found page and others over the threshold). */
  supportUrls: ReadonlySet<string>;
  homeUrl: string | null;
  /** Link-only or crawled candidates whose address is a help centre (support kind's url rules). */
  helpCenters: readonly Candidate[];
  textOf(cand: Candidate): PageText | null;
  registry: KeywordRegistry;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Phone numbers compare by digits ("+31 20 555 0142" is "+31205550142"). */
function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  const digits = (s: string) => (/^[\d\s().+\/-]+$/.test(s) ? s.replace(/\D/g, '').replace(/^00/, '') : null);
  const da = digits(a);
  return da !== null && da.length > 0 && da === digits(b);
}

function push(list: ChannelHit[], value: string, url: string): void {
  if (list.length < MAX_PER_CHANNEL && !list.some((h) => sameValue(h.value, value))) list.push({ value, url });
}

export function collectSupportChannels(input: SupportInput): SupportChannels {
  const out: SupportChannels = { email: [], form: [], phone: [], chat: [], helpCenter: [] };
  const { common } = input.registry;
  let widgetPages = 0;
  for (const cand of input.pages) {
    const page = cand.page!;
    const url = page.finalUrl || page.url;
    const lists = input.registry.forLang(page.lang);
    const isSupport = input.supportUrls.has(url);
    const html = page.html.length > MAX_HTML ? page.html.slice(0, MAX_HTML) : page.html;
    for (const m of html.matchAll(MAILTO)) {
      const address = decode(m[1]).trim().toLowerCase();
      if (!address.includes('@')) continue;
      const local = address.split('@')[0].split(/[.+_-]/)[0];
      if (isSupport || lists.supportEmailLocals.has(local)) push(out.email, address, url);
    }
    for (const m of html.matchAll(TEL)) push(out.phone, decode(m[1]).trim(), url);
    if (isSupport) {
      const text = input.textOf(cand)?.text ?? '';
      for (const m of text.matchAll(EMAIL)) push(out.email, m[0].toLowerCase(), url);
      for (const m of text.matchAll(PHONE)) push(out.phone, m[0].replace(/\s+/g, ' ').trim(), url);
      for (const form of page.forms) {
        if (form.hasPassword) continue;
        if (form.inputTypes.every((t) => ONLY_NON_CONTACT_INPUTS.has(t)) && !form.text) continue;
        const contactLike = form.inputTypes.includes('email') || lists.contactFormWords.some((w) => matches(form.text, w));
        if (!contactLike) continue;
        let target = url;
        if (form.action) {
          try {
            target = new URL(form.action, url).href;
          } catch {
            // keep the page URL
          }
        }
        push(out.form, target, url);
      }
    }
    if (isSupport || url === input.homeUrl || widgetPages < MAX_WIDGET_PAGES) {
      widgetPages++;
      const scripts = page.scripts.external.join('\n');
      for (const w of common.chatWidgets) {
        if (w.re.test(scripts) || w.re.test(html)) push(out.chat, w.name, url);
      }
    }
  }
  const ranked = [...input.helpCenters].sort((a, b) => b.anchors.reduce((n, g) => n + g.count, 0) - a.anchors.reduce((n, g) => n + g.count, 0));
  // One entry per help-centre host: links go to many of its articles.
  for (const c of ranked) {
    const u = parseUrl(c.url);
    if (u) push(out.helpCenter, `${u.origin}/`, c.anchors.find((g) => !g.self)?.from[0] ?? c.url);
  }
  return out;
}
