// security.txt (RFC 9116): required fields, Expires against an injected clock, signed files,
// URI rules, the Canonical check, and hostile input.
import { describe, expect, it } from 'vitest';
import { MAX_SECURITY_TXT_CHARS, parseSecurityTxt } from '../../../probes/agent-discovery/security-txt.js';

const NOW = new Date('2026-03-01T00:00:00Z');
const URL_ = 'https://example.com/.well-known/security.txt';

const VALID = `# Our security address
Contact: mailto:security@example.com
Contact: tel:+1-201-555-0123
Expires: 2026-12-31T23:59:59Z
Encryption: https://example.com/pgp-key.txt
Acknowledgments: https://example.com/hall-of-fame.html
Preferred-Languages: en, fr
Canonical: https://example.com/.well-known/security.txt
Policy: https://example.com/disclosure.html
Hiring: https://example.com/jobs.html
CSAF: https://example.com/.well-known/csaf/provider-metadata.json
`;

const SIGNED = `-----BEGIN PGP SIGNED MESSAGE-----
Hash: SHA256

Contact: mailto:security@example.com
Expires: 2026-09-01T00:00:00.000Z
- -----BEGIN NOT A SIGNATURE-----
-----BEGIN PGP SIGNATURE-----

iHUEARYIAB0WIQRrYb0GsbdmULpVu0IMHeRwrRHB0wUCZa1bcQAKCRAMHeRwrRHB
=ab12
-----END PGP SIGNATURE-----
`;

describe('parseSecurityTxt', () => {
  it('reads every field of a valid file, with no issues', () => {
    const r = parseSecurityTxt(VALID, { now: NOW, url: URL_ });
    expect(r).toMatchObject({ signed: false, missingRequired: [], expired: false, expiresInDays: 305, unknownFields: [], issues: [] });
    expect(r.fields).toEqual({
      contact: ['mailto:security@example.com', 'tel:+1-201-555-0123'],
      expires: '2026-12-31T23:59:59Z',
      encryption: ['https://example.com/pgp-key.txt'],
      acknowledgments: ['https://example.com/hall-of-fame.html'],
      preferredLanguages: 'en, fr',
      canonical: ['https://example.com/.well-known/security.txt'],
      policy: ['https://example.com/disclosure.html'],
      hiring: ['https://example.com/jobs.html'],
      csaf: ['https://example.com/.well-known/csaf/provider-metadata.json'],
    });
  });

  it('reads the signed text of a PGP cleartext-signed file (dash-escaping undone)', () => {
    const r = parseSecurityTxt(SIGNED, { now: NOW });
    expect(r.signed).toBe(true);
    expect(r.fields.contact).toEqual(['mailto:security@example.com']);
    expect(r.fields.expires).toBe('2026-09-01T00:00:00.000Z');
    // "- -----BEGIN NOT A SIGNATURE-----" is text, un-escaped, then not a field line.
    expect(r.issues).toEqual([{ severity: 'warning', message: 'line 6 is neither a field, a comment nor blank', line: 6 }]);
  });

  it.each<[string, string, Partial<ReturnType<typeof parseSecurityTxt>>, string[]]>([
    ['expired', 'Contact: mailto:a@example.com\nExpires: 2025-01-01T00:00:00Z\n', { expired: true, expiresInDays: -424, missingRequired: [] }, ['is in the past']],
    ['missing Contact', 'Expires: 2026-06-01T00:00:00Z\n', { missingRequired: ['Contact'], expired: false }, ['no Contact field']],
    ['missing Expires', 'Contact: https://example.com/report\n', { missingRequired: ['Expires'], expiresInDays: null }, ['no Expires field']],
    ['missing both (an HTML-free but empty file)', '# nothing here\n', { missingRequired: ['Contact', 'Expires'] }, ['no Contact', 'no Expires']],
    ['Expires not RFC 3339', 'Contact: mailto:a@example.com\nExpires: 31/12/2026\n', { expired: false, expiresInDays: null }, ['not an RFC 3339 date-time']],
    ['Expires twice', 'Contact: mailto:a@example.com\nExpires: 2026-06-01T00:00:00Z\nExpires: 2026-07-01T00:00:00Z\n', { fields: expect.objectContaining({ expires: '2026-06-01T00:00:00Z' }) }, ['appears 2 times']],
    ['Expires over a year ahead', 'Contact: mailto:a@example.com\nExpires: 2028-01-01T00:00:00Z\n', { expired: false }, ['more than a year ahead']],
    ['http contact and encryption', 'Contact: http://example.com/report\nEncryption: http://example.com/key\nExpires: 2026-06-01T00:00:00Z\n', {}, ['Contact "http://example.com/report" uses http://', 'Encryption "http://example.com/key" uses http://']],
    ['bare e-mail contact', 'Contact: security@example.com\nExpires: 2026-06-01T00:00:00Z\n', { missingRequired: [] }, ['is not a URI']],
    ['unknown field, case-insensitive names', 'CONTACT: mailto:a@example.com\nexpires: 2026-06-01T00:00:00Z\nBounty: yes\n', { missingRequired: [], unknownFields: ['Bounty'] }, ['unknown field "Bounty"']],
    ['Canonical elsewhere', 'Contact: mailto:a@example.com\nExpires: 2026-06-01T00:00:00Z\nCanonical: https://other.example/.well-known/security.txt\n', {}, [`fetched from ${URL_}`]],
    ['signed without signature block', '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@example.com\nExpires: 2026-06-01T00:00:00Z\n', { signed: true, missingRequired: [] }, ['no signature block']],
  ])('%s', (_name, text, expected, messages) => {
    const r = parseSecurityTxt(text, { now: NOW, url: URL_ });
    expect(r).toMatchObject(expected);
    const all = r.issues.map((i) => i.message).join(' | ');
    for (const m of messages) expect(all).toContain(m);
    expect(r.issues.length).toBeGreaterThanOrEqual(messages.length);
  });

  it('a clock a day later turns a file expiring today into an expired one', () => {
    const text = 'Contact: mailto:a@example.com\nExpires: 2026-03-01T12:00:00Z\n';
    expect(parseSecurityTxt(text, { now: NOW }).expired).toBe(false);
    expect(parseSecurityTxt(text, { now: new Date('2026-03-02T00:00:00Z') }).expired).toBe(true);
  });

  it('accepts CRLF line endings and a BOM', () => {
    const r = parseSecurityTxt('\uFEFFContact: mailto:a@example.com\r\nExpires: 2026-06-01T00:00:00+02:00\r\n', { now: NOW });
    expect(r.missingRequired).toEqual([]);
    expect(r.issues).toEqual([]);
  });

  it('bounds hostile input: a huge file of junk lines is cut, with a bounded issue list', () => {
    const text = 'not a field line at all\n'.repeat(100_000);
    const started = performance.now();
    const r = parseSecurityTxt(text, { now: NOW });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(r.issues.length).toBeLessThanOrEqual(15);
    expect(r.issues[0].message).toContain(`first ${MAX_SECURITY_TXT_CHARS} characters`);
    expect(r.issues.some((i) => /more line problems/.test(i.message))).toBe(true);
  });
});
