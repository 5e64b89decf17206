// Title, meta description and HTTP status of a page, judged as Lighthouse's document-title,
// meta-description and http-status-code audits do, plus a sanity range for title length. Pure.
import type { MetaInput } from './robots-rules.js';

/**
 * Title length bounds (characters) for an informational note. Google sets no fixed limit: it cuts a
 * title link to the width of the result page (about 60 characters) and may rewrite titles that are
 * very short or generic (https://developers.google.com/search/docs/appearance/title-link).
 */
export const TITLE_MIN = 10;
export const TITLE_MAX = 70;

export interface TitleVerdict {
  /** No <title>, or only whitespace (Lighthouse's document-title fails). */
  missing: boolean;
  length: number;
  tooShort: boolean;
  tooLong: boolean;
}

export function judgeTitle(title: string | null | undefined): TitleVerdict {
  const text = (title ?? '').replace(/\s+/g, ' ').trim();
  const length = [...text].length;
  return { missing: length === 0, length, tooShort: length > 0 && length < TITLE_MIN, tooLong: length > TITLE_MAX };
}

export interface DescriptionVerdict {
  /** No `<meta name="description">`, or an empty one (Lighthouse's meta-description fails). */
  missing: boolean;
  /** A description tag exists but its text is empty or whitespace. */
  empty: boolean;
  content: string | null;
}

/** The first `<meta name="description">` counts (names compare case-insensitively). */
export function judgeDescription(meta: readonly MetaInput[]): DescriptionVerdict {
  const tag = meta.find((m) => m.name.trim().toLowerCase() === 'description');
  if (!tag) return { missing: true, empty: false, content: null };
  // String.prototype.trim removes every Unicode space (U+00A0 included), as Lighthouse relies on.
  const empty = (tag.content ?? '').trim() === '';
  return { missing: empty, empty, content: tag.content ?? '' };
}

export type StatusVerdict = 'ok' | 'error' | 'unreachable';

/** Lighthouse's http-status-code: 400–599 fails. Status 0 (no response) is not an HTTP status. */
export function judgeStatus(status: number): StatusVerdict {
  if (status === 0) return 'unreachable';
  return status >= 400 && status <= 599 ? 'error' : 'ok';
}
