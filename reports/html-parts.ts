// Building blocks shared by the HTML renderers (one portal: html.ts; several: comparison-html.ts):
// escaping, safe links, badges that carry a word and an icon (colour is never the only signal,
// WCAG 2.2 SC 1.4.1), tables with scoped headers, sections and evidence lines. Every string that
// comes from a report is untrusted page text and goes through `h()`.
import type { Evidence } from '../src/contract/index.js';
import { formatScore, safeHttpUrl, shortUrl, truncate } from './format.js';
import { NOT_ASSESSED, TEXT, type Signal } from './labels.js';
import { scoreBand } from './summary.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attributes. */
export function h(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A link for http(s) URLs; any other scheme (javascript:, data:…) is shown as text. */
export function link(url: string | undefined, label?: string): string {
  if (!url) return '';
  const href = safeHttpUrl(url);
  // A URL that will not be a link is shown whole, so the reader sees its scheme.
  if (!href) return `<span class="url">${h(truncate(label ?? url, 80))}</span>`;
  return `<a href="${h(href)}" rel="nofollow noopener noreferrer">${h(label ?? shortUrl(url))}</a>`;
}

export function badge(s: Signal, value?: string): string {
  const v = value === undefined ? '' : `${h(value)} `;
  return `<span class="badge tone-${s.tone}"><span aria-hidden="true">${s.icon}</span> ${v}${h(s.label)}</span>`;
}

/** A 0–100 score with its band; "not assessed" (a word, not a colour) when nothing was scored. */
export function scoreBadge(score: number, assessed = true): string {
  return assessed ? badge(scoreBand(score), formatScore(score)) : notAssessed();
}

/** The "not assessed" badge with a hover/screen-reader explanation. */
export function notAssessed(): string {
  return `<span class="badge tone-neutral na" title="${h(TEXT.notAssessedWhy)}"><span aria-hidden="true">${NOT_ASSESSED.icon}</span> ${h(NOT_ASSESSED.label)}</span>`;
}

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A table whose first cell of each row is the row header. Cells are already-escaped HTML. */
export function table(caption: string, columns: Column[], rows: string[][], className?: string): string {
  const head = columns.map((c) => `<th scope="col">${h(c.label)}</th>`).join('');
  const body = rows
    .map((cells) => {
      const tds = cells.map((cell, i) => {
        if (i === 0) return `<th scope="row">${cell}</th>`;
        return columns[i]?.numeric ? `<td class="num">${cell}</td>` : `<td>${cell}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  const cls = className ? ` class="${h(className)}"` : '';
  // A wide table scrolls inside its own region on a narrow screen instead of widening the page; the
  // region is focusable and named so keyboard and screen-reader users can scroll it too.
  return `<div class="table-scroll" role="region" tabindex="0" aria-label="${h(caption)}">\n<table${cls}>\n<caption>${h(caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}

export function section(id: string, title: string, body: string, major = false): string {
  return `<section id="${id}" aria-labelledby="${id}-h"${major ? ' class="major"' : ''}>\n<h2 id="${id}-h">${h(title)}</h2>\n${body}\n</section>`;
}

export function evidenceHtml(e: Evidence): string {
  const parts = [e.url ? link(e.url) : '', h(e.note), e.quote ? `<q>${h(e.quote)}</q>` : ''].filter(Boolean);
  return parts.join(' — ');
}

/** A fragment id for a practice's drill-down entry (ids are free text in saved reports). */
export function practiceAnchor(id: string): string {
  return `practice-${id.replace(/[^A-Za-z0-9_.-]/g, '-')}`;
}
