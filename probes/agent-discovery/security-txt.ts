// security.txt (RFC 9116): /.well-known/security.txt, text/plain, "Field: value" lines.
// Contact (REQUIRED, one or more, URIs; web URIs MUST be https — §2.5.3) and Expires (REQUIRED,
// exactly once, RFC 3339 date-time; RECOMMENDED less than a year ahead — §2.5.5); optional
// Encryption, Acknowledgments, Preferred-Languages (at most once), Canonical, Policy, Hiring, and CSAF
// (added to the IANA registry later). Files may be OpenPGP cleartext-signed (§2.3; RFC 4880 §7):
// the signature is not verified, the signed text is read. The clock is a parameter. Pure.
import type { SecurityTxtFields } from '../../src/contract/index.js';

const TEXT = {
  notField: (line: number) => `line ${line} is neither a field, a comment nor blank`,
  unsignedEnd: 'starts a PGP signed message but has no signature block',
  missingContact: 'no Contact field (required, RFC 9116 §2.5.3)',
  missingExpires: 'no Expires field (required, RFC 9116 §2.5.5)',
  manyExpires: (n: number) => `Expires appears ${n} times; it must appear exactly once (RFC 9116 §2.5.5)`,
  badExpires: (v: string) => `Expires "${v}" is not an RFC 3339 date-time such as 2026-12-31T23:59:59Z`,
  expired: (v: string) => `Expires ${v} is in the past: the file is stale and should not be trusted (RFC 9116 §2.5.5)`,
  farExpires: (v: string) => `Expires ${v} is more than a year ahead; RFC 9116 §2.5.5 recommends less than a year`,
  manyLanguages: 'Preferred-Languages appears more than once (at most once, RFC 9116 §2.5.8)',
  contactNotUri: (v: string) => `Contact "${v}" is not a URI (use mailto:, tel: or https:)`,
  httpUri: (field: string, v: string) => `${field} "${v}" uses http://; web URIs must use https:// (RFC 9116 §2.5)`,
  notCanonical: (url: string) => `fetched from ${url}, which no Canonical field lists (RFC 9116 §2.5.2)`,
  unknown: (name: string) => `unknown field "${name}"`,
  cut: (n: number) => `only the first ${n} characters were read`,
  moreLines: (n: number) => `${n} more line problems not listed`,
} as const;

/** Larger files are cut (RFC 9116 gives no limit; real files are a few hundred bytes). */
export const MAX_SECURITY_TXT_CHARS = 64 * 1024;
const YEAR_MS = 365 * 24 * 3600 * 1000;
const MAX_LINE_ISSUES = 10;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export interface SecurityTxtIssue {
  severity: 'error' | 'warning' | 'info';
  message: string;
  line?: number;
}

export interface SecurityTxt {
  signed: boolean;
  fields: SecurityTxtFields;
  /** Required fields that are absent: 'Contact', 'Expires'. */
  missingRequired: string[];
  /** Expires parsed and earlier than `now`. */
  expired: boolean;
  /** Whole days from `now` to Expires (negative when expired); null when Expires is missing or invalid. */
  expiresInDays: number | null;
  unknownFields: string[];
  issues: SecurityTxtIssue[];
}

const KNOWN: Record<string, keyof SecurityTxtFields> = {
  contact: 'contact',
  expires: 'expires',
  encryption: 'encryption',
  acknowledgments: 'acknowledgments',
  'preferred-languages': 'preferredLanguages',
  canonical: 'canonical',
  policy: 'policy',
  hiring: 'hiring',
  csaf: 'csaf',
};
const DISPLAY: Record<keyof SecurityTxtFields, string> = {
  contact: 'Contact', expires: 'Expires', encryption: 'Encryption', acknowledgments: 'Acknowledgments',
  preferredLanguages: 'Preferred-Languages', canonical: 'Canonical', policy: 'Policy', hiring: 'Hiring', csaf: 'CSAF',
};

/** The signed text of an OpenPGP cleartext-signed message (RFC 4880 §7), with line numbers kept. */
function signedBody(lines: string[]): { lines: Array<{ n: number; text: string }>; signed: boolean; complete: boolean } {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0 || lines[first].trim() !== '-----BEGIN PGP SIGNED MESSAGE-----') {
    return { lines: lines.map((text, i) => ({ n: i + 1, text })), signed: false, complete: true };
  }
  // Armor headers ("Hash: SHA256") run to the first blank line.
  let i = first + 1;
  while (i < lines.length && lines[i].trim() !== '') i++;
  const out: Array<{ n: number; text: string }> = [];
  for (i++; i < lines.length; i++) {
    if (lines[i].trim() === '-----BEGIN PGP SIGNATURE-----') return { lines: out, signed: true, complete: true };
    // Dash-escaped text (RFC 4880 §7.1): "- " is removed.
    out.push({ n: i + 1, text: lines[i].startsWith('- ') ? lines[i].slice(2) : lines[i] });
  }
  return { lines: out, signed: true, complete: false };
}

export function parseSecurityTxt(input: string, options: { now: Date; url?: string }): SecurityTxt {
  const issues: SecurityTxtIssue[] = [];
  let text = input.replace(/^\uFEFF/, '');
  if (text.length > MAX_SECURITY_TXT_CHARS) {
    text = text.slice(0, MAX_SECURITY_TXT_CHARS);
    issues.push({ severity: 'warning', message: TEXT.cut(MAX_SECURITY_TXT_CHARS) });
  }
  const body = signedBody(text.split(/\r\n|\r|\n/));
  if (!body.complete) issues.push({ severity: 'warning', message: TEXT.unsignedEnd });

  const fields: SecurityTxtFields = {
    contact: [], expires: null, encryption: [], acknowledgments: [], preferredLanguages: null, canonical: [], policy: [], hiring: [], csaf: [],
  };
  const unknownFields: string[] = [];
  let expiresCount = 0;
  let languagesCount = 0;
  // Line-level issues are listed up to a bound (a hostile file has thousands of bad lines).
  let lineIssues = 0;
  const lineIssue = (issue: SecurityTxtIssue) => {
    if (lineIssues++ < MAX_LINE_ISSUES) issues.push(issue);
  };
  for (const { n, text: raw } of body.lines) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z0-9-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) {
      lineIssue({ severity: 'warning', message: TEXT.notField(n), line: n });
      continue;
    }
    const name = m[1].toLowerCase();
    const value = m[2].trim();
    const key = KNOWN[name];
    if (!key) {
      if (!unknownFields.includes(m[1])) {
        unknownFields.push(m[1]);
        lineIssue({ severity: 'info', message: TEXT.unknown(m[1]), line: n });
      }
      continue;
    }
    if (key === 'expires') {
      expiresCount++;
      if (fields.expires === null) fields.expires = value;
      continue;
    }
    if (key === 'preferredLanguages') {
      languagesCount++;
      fields.preferredLanguages ??= value;
      continue;
    }
    fields[key].push(value);
    if (/^http:\/\//i.test(value)) lineIssue({ severity: 'warning', message: TEXT.httpUri(DISPLAY[key], value), line: n });
    else if (key === 'contact' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) lineIssue({ severity: 'warning', message: TEXT.contactNotUri(value), line: n });
  }
  if (lineIssues > MAX_LINE_ISSUES) issues.push({ severity: 'info', message: TEXT.moreLines(lineIssues - MAX_LINE_ISSUES) });

  const missingRequired: string[] = [];
  if (fields.contact.length === 0) {
    missingRequired.push('Contact');
    issues.push({ severity: 'error', message: TEXT.missingContact });
  }
  let expired = false;
  let expiresInDays: number | null = null;
  if (fields.expires === null) {
    missingRequired.push('Expires');
    issues.push({ severity: 'warning', message: TEXT.missingExpires });
  } else {
    if (expiresCount > 1) issues.push({ severity: 'warning', message: TEXT.manyExpires(expiresCount) });
    const at = RFC3339.test(fields.expires) ? Date.parse(fields.expires) : Number.NaN;
    if (Number.isNaN(at)) issues.push({ severity: 'warning', message: TEXT.badExpires(fields.expires) });
    else {
      const delta = at - options.now.getTime();
      expiresInDays = Math.floor(delta / (24 * 3600 * 1000));
      if (delta < 0) {
        expired = true;
        issues.push({ severity: 'warning', message: TEXT.expired(fields.expires) });
      } else if (delta > YEAR_MS) issues.push({ severity: 'info', message: TEXT.farExpires(fields.expires) });
    }
  }
  if (languagesCount > 1) issues.push({ severity: 'info', message: TEXT.manyLanguages });
  if (options.url && fields.canonical.length > 0 && !fields.canonical.includes(options.url)) {
    issues.push({ severity: 'warning', message: TEXT.notCanonical(options.url) });
  }
  return { signed: body.signed, fields, missingRequired, expired, expiresInDays, unknownFields, issues };
}
