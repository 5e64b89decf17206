// Unit tests of the _routes.json format: validation, merging and path matching.
import { describe, expect, it } from 'vitest';
import { listMatches, matchPath, mergeRoutes, parseRoutes, validateRoutes } from '../../src/demo/routes.js';
import { ParseError } from '../../src/errors.js';

describe('validateRoutes', () => {
  it('accepts a full, valid config', () => {
    expect(
      validateRoutes({
        $comment: 'why',
        redirects: { '/a': { status: 301, location: '/b' }, '/c': { location: '{{origin}}/d' } },
        statuses: { '/x*': { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }, '/y': { status: 500, body: 'oops' }, '/z': { status: 200, file: 'z.html' } },
        markdown: ['/docs/faq'],
        headers: { '/': { 'X-Robots-Tag': 'noindex' } },
        hidden: ['/README.md'],
        delays: { '/slow': 100 },
      }),
    ).toEqual([]);
  });

  it.each([
    [[], 'the routes must be a JSON object'],
    [{ extra: 1 }, 'unknown key "extra"'],
    [{ redirects: [] }, 'redirects must be an object keyed by path'],
    [{ redirects: { '/a': { status: 304, location: '/b' } } }, 'redirects["/a"].status must be 301, 302, 303, 307 or 308'],
    [{ redirects: { '/a': '/b' } }, 'redirects["/a"] needs a string "location"'],
    [{ statuses: { '/a': { status: 99 } } }, 'statuses["/a"] needs an integer "status" between 100 and 599'],
    [{ statuses: { '/a': { status: 401, headers: { n: 1 } } } }, 'statuses["/a"].headers must map names to strings'],
    [{ statuses: { '/a': { status: 401, body: 1 } } }, 'statuses["/a"].body must be a string'],
    [{ statuses: { a: { status: 401 } } }, 'statuses["a"]: paths must start with "/"'],
    [{ headers: { '/a': 'x' } }, 'headers["/a"] must map names to strings'],
    [{ delays: { '/a': -1 } }, 'delays["/a"] must be a number of ms from 0 to 120000'],
    [{ markdown: ['docs'] }, 'markdown must be a list of paths starting with "/"'],
    [{ hidden: '/a' }, 'hidden must be a list of paths starting with "/"'],
  ])('%j → %s', (data, problem) => {
    expect(validateRoutes(data)).toContain(problem);
  });
});

describe('parseRoutes', () => {
  it('throws ParseError with the problems listed', () => {
    expect(() => parseRoutes('{"redirects": {"/a": {}}}')).toThrow(ParseError);
    expect(() => parseRoutes('not json')).toThrow(/not valid JSON/);
  });

  it('returns the config when valid', () => {
    expect(parseRoutes('{"markdown": ["/a"]}')).toEqual({ markdown: ['/a'] });
  });
});

describe('matchPath', () => {
  const map = { '/console': 'exact', '/console*': 'prefix', '/con*': 'short', '/docs/*': 'docs' };
  it.each([
    ['/console', 'exact'],
    ['/console/keys', 'prefix'],
    ['/contact', 'short'],
    ['/docs/a', 'docs'],
    ['/docs', undefined],
    ['/other', undefined],
  ])('%s → %s', (path, expected) => {
    expect(matchPath(map, path)).toBe(expected);
  });

  it('ignores inherited keys', () => {
    expect(matchPath({}, '/constructor')).toBeUndefined();
    expect(listMatches(['/a'], '/toString')).toBe(false);
  });
});

describe('mergeRoutes', () => {
  it('lets override entries win per path and joins lists', () => {
    const merged = mergeRoutes(
      { redirects: { '/a': { location: '/1' }, '/b': { location: '/2' } }, markdown: ['/x'] },
      { redirects: { '/a': { location: '/3' } }, markdown: ['/x', '/y'] },
    );
    expect(merged.redirects).toEqual({ '/a': { location: '/3' }, '/b': { location: '/2' } });
    expect(merged.markdown).toEqual(['/x', '/y']);
  });
});
