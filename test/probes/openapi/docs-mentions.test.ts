// Unit tests for probes/openapi/docs-mentions.ts: rate-limit headers near a 429 / "Too Many Requests",
// and the Deprecation (RFC 9745) / Sunset (RFC 8594) headers as opposed to the English words;
// plus long hostile texts that must not make the patterns backtrack.
import { describe, expect, it } from 'vitest';
import {
  deprecationHeaderMention,
  deprecationHeaderMentions,
  MAX_MENTION_PAGES,
  PROXIMITY_CHARS,
  rateLimitMention,
  rateLimitMentions,
  recommendsBackoff,
} from '../../../probes/openapi/docs-mentions.js';

describe('rateLimitMention', () => {
  it.each([
    ['Retry-After with 429', 'When you exceed the limit the API answers 429 Too Many Requests with a Retry-After header in seconds.', 'Retry-After'],
    ['retry-after in lower case, "too many requests"', 'A response of too many requests carries retry-after: 30.', 'retry-after'],
    ['X-RateLimit-* before the 429', 'Every response has X-RateLimit-Remaining. Once it reaches 0 you get HTTP 429.', 'X-RateLimit-Remaining'],
    ['X-Rate-Limit-Reset (Twitter style)', 'HTTP 429: wait until x-rate-limit-reset.', 'x-rate-limit-reset'],
    ['the IETF draft fields', 'We send RateLimit and RateLimit-Policy fields; over the quota you get 429.', 'RateLimit'],
    ['RateLimit-Remaining (early draft)', 'Status 429 with RateLimit-Remaining: 0', 'RateLimit-Remaining'],
  ])('%s → found', (_name, text, header) => {
    const quote = rateLimitMention(text);
    expect(quote).not.toBeNull();
    expect(quote).toContain(header);
  });

  it.each([
    ['rate limits in prose only', 'We rate limit requests; over the rate limit you get a 429 error. Slow down and retry later.'],
    ['Retry-After but no 429', 'Send the Retry-After header value back to your scheduler.'],
    ['an identifier, not the header', 'The SDK raises RateLimitError on 429 responses.'],
    ['"ratelimit" as a lower-case word', 'our ratelimit is generous; a 429 is rare'],
    ['429 as a price, and no header', 'Plans from $429 a year. Headers: none.'],
    ['empty text', ''],
  ])('%s → none', (_name, text) => {
    expect(rateLimitMention(text)).toBeNull();
  });

  it(`needs the header within ${PROXIMITY_CHARS} characters of the 429`, () => {
    const far = `Errors: 429 Too Many Requests.${' lorem'.repeat(PROXIMITY_CHARS / 4)} The Retry-After header is described elsewhere.`;
    expect(rateLimitMention(far)).toBeNull();
    const near = `Errors: 429 Too Many Requests.${' lorem'.repeat(20)} See the Retry-After header.`;
    expect(rateLimitMention(near)).toContain('Retry-After');
  });
});

describe('deprecationHeaderMention', () => {
  it.each([
    ['a Sunset header line (RFC 8594 §3)', 'Responses carry Sunset: Sat, 31 Dec 2026 23:59:59 GMT once retirement is planned.', 'Sunset: Sat, 31 Dec 2026'],
    ['a Deprecation header line (RFC 9745 sf-date)', 'Deprecation: @1688169599', 'Deprecation: @1688169599'],
    ['an earlier-draft Deprecation: true', 'Deprecation: true', 'Deprecation: true'],
    ['"the Sunset header"', 'Watch for the Sunset header on every response.', 'Sunset header'],
    ['"Deprecation and Sunset headers"', 'We send Deprecation and Sunset headers before removing an endpoint.', 'Deprecation and Sunset headers'],
    ['code-quoted names', 'The `Deprecation` HTTP response header tells you.', 'Deprecation'],
    ['"header called \\"Sunset\\""', 'Look for a header called "Sunset".', 'Sunset'],
    ['RFC 8594', 'We follow RFC 8594 for retirement dates.', 'RFC 8594'],
    ['RFC9745 without a space', 'as in RFC9745', 'RFC9745'],
    ['a Link relation', 'Link: <https://developer.acme.io/deprecations>; rel="deprecation"', 'rel="deprecation"'],
  ])('%s → found', (_name, text, quoted) => {
    const quote = deprecationHeaderMention(text);
    expect(quote).not.toBeNull();
    expect(quote).toContain(quoted);
  });

  it.each([
    ['the word deprecation', 'Deprecation policy: we give twelve months of notice before removing an endpoint.'],
    ['a deprecated endpoint', 'This endpoint is deprecated and will be removed.'],
    ['a sunset date in prose', 'Sunset: June 2026 for API v1.'],
    ['a Deprecation heading followed by prose', 'Deprecation: the v1 API is going away.'],
    ['sunset as scenery', 'Photos of the sunset over our office.'],
    ['another RFC number', 'Dates follow RFC 3339.'],
  ])('%s → none', (_name, text) => {
    expect(deprecationHeaderMention(text)).toBeNull();
  });
});

describe('recommendsBackoff', () => {
  it.each([
    ['Use exponential back-off with jitter.', true],
    ['Back off and try again later.', true],
    ['Implement a backoff strategy.', true],
    ['Retry exponentially: 1 s, 2 s, 4 s.', true],
    ['Wait for the number of seconds in Retry-After before retrying.', true],
    ['Retry the request.', false],
    ['Please wait. Before retrying anything, read the docs.', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(recommendsBackoff(text)).toBe(expected);
  });

  it('is reported per rate-limit page, from anywhere on that page', () => {
    const text = `429 Too Many Requests carries Retry-After.${' x'.repeat(3000)} Best practice: back off exponentially.`;
    expect(rateLimitMentions([{ url: 'https://d.io/rl', text }])).toEqual([{ url: 'https://d.io/rl', quote: expect.stringContaining('Retry-After'), backoff: true }]);
  });
});

describe('page lists', () => {
  it('cites each page once, in crawl order, at most MAX_MENTION_PAGES', () => {
    const pages = Array.from({ length: MAX_MENTION_PAGES + 5 }, (_, i) => ({ url: `https://d.io/p${i}`, text: 'Sunset: Sat, 31 Dec 2026 23:59:59 GMT' }));
    pages.unshift({ url: 'https://d.io/p0', text: 'duplicate of p0' }, { url: 'https://d.io/none', text: 'nothing here' });
    const found = deprecationHeaderMentions(pages);
    expect(found).toHaveLength(MAX_MENTION_PAGES);
    expect(found[0].url).toBe('https://d.io/p1');
    expect(rateLimitMentions([{ url: 'https://d.io/rl', text: '429 with Retry-After' }])).toEqual([{ url: 'https://d.io/rl', quote: '429 with Retry-After', backoff: false }]);
  });
});

describe('hostile text', () => {
  it.each([
    ['blanks after "header"', `header${' '.repeat(400_000)}x`],
    ['blanks after "RFC"', `RFC${' '.repeat(400_000)}x`],
    ['blanks after "Sunset"', `Sunset${' '.repeat(400_000)}x Deprecation${'\t'.repeat(100_000)}`],
    ['many 429s and headers far apart', `${'429 '.repeat(100_000)}${'x'.repeat(10_000)}${'Retry-After '.repeat(10_000)}`],
  ])('%s: quick, no match', (_name, text) => {
    const started = Date.now();
    expect(deprecationHeaderMention(text)).toBeNull();
    expect(rateLimitMention(text)).toBeNull();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
