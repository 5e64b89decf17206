// Bytes to text: charset from Content-Type, BOM, <meta> and XML declaration; never throws.
import { describe, expect, it } from 'vitest';
import { charsetParam, decodeBody, detectEncoding, mediaType } from '../../src/fetch/decode.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('mediaType', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['text/html', 'text/html'],
    ['Text/HTML; charset=UTF-8', 'text/html'],
    ['  application/json ;charset=utf-8', 'application/json'],
    ['application/vnd.oai.openapi+json;version=3.0', 'application/vnd.oai.openapi+json'],
  ])('%j → %j', (ct, expected) => expect(mediaType(ct)).toBe(expected));
});

describe('charsetParam', () => {
  it.each([
    ['text/html; charset=ISO-8859-1', 'iso-8859-1'],
    ['text/html;charset="utf-8"', 'utf-8'],
    ['text/html; foo=bar; charset=windows-1252', 'windows-1252'],
    ['text/html', undefined],
  ])('%j → %j', (ct, expected) => expect(charsetParam(ct)).toBe(expected));
});

describe('decodeBody', () => {
  const cases: Array<[string, Buffer, string | undefined, string, string]> = [
    ['plain UTF-8', Buffer.from('héllo → ✓'), 'text/plain', 'héllo → ✓', 'utf-8'],
    ['UTF-8 BOM is stripped', Buffer.concat([BOM, Buffer.from('hi')]), 'text/plain', 'hi', 'utf-8'],
    ['charset from Content-Type', latin1('café'), 'text/plain; charset=iso-8859-1', 'café', 'windows-1252'],
    ['windows-1252 curly quote', Buffer.from([0x93, 0x41, 0x94]), 'text/html; charset=windows-1252', '“A”', 'windows-1252'],
    ['BOM beats Content-Type', Buffer.concat([BOM, Buffer.from('é')]), 'text/html; charset=iso-8859-1', 'é', 'utf-8'],
    ['UTF-16LE BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ok', 'utf16le')]), undefined, 'ok', 'utf-16le'],
    ['<meta charset> in HTML', latin1('<html><head><meta charset="iso-8859-1"><title>café</title>'), 'text/html', '<html><head><meta charset="iso-8859-1"><title>café</title>', 'windows-1252'],
    ['http-equiv meta', latin1('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">é'), 'text/html', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">é', 'windows-1252'],
    ['meta claiming UTF-16 means UTF-8', Buffer.from('<meta charset="utf-16">é'), 'text/html', '<meta charset="utf-16">é', 'utf-8'],
    ['meta ignored for non-HTML', Buffer.from('<meta charset="iso-8859-1">é'), 'text/plain', '<meta charset="iso-8859-1">é', 'utf-8'],
    ['XML declaration', latin1('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>'), 'application/xml', '<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>', 'windows-1252'],
    ['unknown charset falls back to UTF-8', Buffer.from('ok ✓'), 'text/plain; charset=x-klingon', 'ok ✓', 'utf-8'],
    ['invalid UTF-8 becomes U+FFFD', Buffer.from([0x61, 0xff, 0xfe, 0x62, 0xc3]), 'text/plain', 'a\ufffd\ufffdb\ufffd', 'utf-8'],
    ['empty body', Buffer.alloc(0), undefined, '', 'utf-8'],
  ];
  it.each(cases)('%s', (_label, body, contentType, text, encoding) => {
    expect(detectEncoding(body, contentType)).toBe(encoding);
    expect(decodeBody(body, contentType)).toBe(text);
  });

  it('only sniffs the first 1024 bytes for <meta>', () => {
    const late = Buffer.concat([Buffer.from(' '.repeat(1100)), latin1('<meta charset="iso-8859-1">é')]);
    expect(detectEncoding(late, 'text/html')).toBe('utf-8');
  });

  it('never throws on random bytes', () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    for (const ct of [undefined, 'text/html', 'text/plain; charset=shift_jis', 'application/xml']) {
      expect(() => decodeBody(noise, ct)).not.toThrow();
    }
  });
});

describe('windows-1252 (decoded by hand: nodejs/node#60888)', () => {
  it('maps every byte 0x80–0x9F as the WHATWG index does', () => {
    const expected = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    const bytes = Buffer.from(Array.from({ length: 32 }, (_, i) => 0x80 + i));
    const text = decodeBody(bytes, 'text/plain; charset=windows-1252');
    expect([...text].map((c) => c.codePointAt(0))).toEqual(expected);
  });

  it('leaves the rest as ISO-8859-1 (0xff is ÿ)', () => {
    expect(decodeBody(Buffer.from([0x41, 0xe9, 0xff]), 'text/plain; charset=latin1')).toBe('Aéÿ');
  });
});
