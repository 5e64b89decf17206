// Unit tests of the demo servers' HTTP helpers: media types, Accept / Accept-Encoding parsing
// (RFC 9110 §12.5) and the origin string for a bound host.
import { describe, expect, it } from 'vitest';
import { acceptQuality, acceptsGzip, contentTypeFor, isTextType, originFor, prefersMarkdown } from '../../src/demo/http-util.js';

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['/a/b/openapi.JSON', 'application/json; charset=utf-8'],
    ['spec.yml', 'application/yaml; charset=utf-8'],
    ['sitemap.xml', 'application/xml; charset=utf-8'],
    ['changelog.atom', 'application/atom+xml; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['.well-known/security.txt', 'text/plain; charset=utf-8'],
    ['faq.md', 'text/markdown; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['archive.tar.gz', 'application/octet-stream'],
    ['Makefile', 'application/octet-stream'],
    ['dir.v2/.hidden', 'application/octet-stream'],
  ])('%s → %s', (name, type) => {
    expect(contentTypeFor(name)).toBe(type);
  });
});

describe('isTextType', () => {
  it.each([
    ['text/html; charset=utf-8', true],
    ['application/json', true],
    ['application/problem+json', true],
    ['application/atom+xml', true],
    ['application/yaml', true],
    ['image/svg+xml', true],
    ['image/png', false],
    ['application/octet-stream', false],
    ['application/pdf', false],
  ])('%s → %s', (type, expected) => {
    expect(isTextType(type)).toBe(expected);
  });
});

describe('acceptQuality', () => {
  it.each([
    [undefined, 'text/html', 1, false],
    ['text/html', 'text/html', 1, true],
    ['text/*;q=0.4', 'text/html', 0.4, false],
    ['*/*;q=0.1, text/html;q=0.7', 'text/html', 0.7, true],
    ['application/json', 'text/html', 0, false],
    ['text/html;q=2', 'text/html', 0, true],
    ['TEXT/HTML; Q=0.5', 'text/html', 0.5, true],
  ])('%s for %s → q=%d explicit=%s', (accept, type, q, explicit) => {
    expect(acceptQuality(accept, type)).toEqual({ q, explicit });
  });
});

describe('prefersMarkdown', () => {
  it.each([
    ['text/markdown', true],
    ['text/markdown;q=0.9, text/html;q=0.8', true],
    ['text/html;q=0.9, text/markdown', true],
    ['text/markdown, text/plain;q=0.5, */*;q=0.1', true],
    ['text/html, text/markdown;q=0.9', false],
    ['text/markdown;q=0', false],
    ['*/*', false],
    ['text/*', false],
    [undefined, false],
    ['', false],
  ])('%s → %s', (accept, expected) => {
    expect(prefersMarkdown(accept)).toBe(expected);
  });
});

describe('acceptsGzip', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['x-gzip', true],
    ['br, *;q=0.1', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['identity', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('originFor', () => {
  it.each([
    ['127.0.0.1', 8080, 'http://127.0.0.1:8080'],
    ['0.0.0.0', 80, 'http://127.0.0.1:80'],
    ['::1', 3000, 'http://[::1]:3000'],
    ['::', 3000, 'http://[::1]:3000'],
    ['localhost', 1, 'http://localhost:1'],
  ])('%s:%i → %s', (host, port, origin) => {
    expect(originFor(host, port)).toBe(origin);
  });
});
