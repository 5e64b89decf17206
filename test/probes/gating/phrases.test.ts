// Tests for probes/gating/phrases.ts: finding the "log in to view …" sentence in page text.
import { describe, expect, it } from 'vitest';
import { GATING_RULES } from '../../../probes/gating/index.js';
import { findPhrase, PHRASE_SCAN_CHARS, sentenceAround, separateBlocks } from '../../../probes/gating/phrases.js';

const { partial, wall, excludeObject } = GATING_RULES.phrases;

describe('findPhrase (partial wording)', () => {
  it.each([
    ['Enterprise plans. Log in to see pricing. Contact us.', 'Log in to see pricing.'],
    ['Sign in or register to view the full API reference.', 'Sign in or register to view the full API reference.'],
    ['Create a free account to download the OpenAPI file', 'Create a free account to download the OpenAPI file'],
    ['Rates are available to registered developers only.', 'Rates are available to registered developers only.'],
    ['Fees are shown once you are logged in.', 'Fees are shown once you are logged in.'],
    ['Access to the sandbox requires a login.', 'Access to the sandbox requires a login.'],
    ['Registration is required to access the test environment.', 'Registration is required to access the test environment.'],
  ])('%s', (text, sentence) => {
    expect(findPhrase(text, partial, excludeObject)?.sentence).toBe(sentence);
  });

  it.each([
    'Log in to view your orders.',
    'Sign in to see your dashboard and settings.',
    'Log in now',
    'Sign up for our newsletter.',
    'Sign up to receive news.',
    'One password to log in to multiple sites.',
    'Login with OAuth 2.0: the client redirects the user to the authorization server.',
    'Users can log in to their bank app to approve the payment.',
  ])('no match: %s', (text) => {
    expect(findPhrase(text, partial, excludeObject)).toBeNull();
  });
});

describe('findPhrase (wall wording)', () => {
  it.each([
    'Request access',
    'Apply for API access today.',
    'Contact sales to see pricing.',
    'This documentation is only available to approved partners.',
    'Partners only.',
    'You need to be a registered partner to continue.',
  ])('%s', (text) => {
    expect(findPhrase(text, wall, excludeObject)).not.toBeNull();
  });
  it('ignores "contact sales" about something else', () => {
    expect(findPhrase('Contact sales to discuss a partnership.', wall, excludeObject)).toBeNull();
  });
});

describe('helpers', () => {
  it('separateBlocks restores word boundaries lost between glued blocks', () => {
    expect(separateBlocks('Partner programmeRegister to view')).toBe('Partner programme Register to view');
    expect(separateBlocks('ProductionLog in')).toBe('Production Log in');
    expect(separateBlocks('the OpenAPI file and OAuth')).toBe('the OpenAPI file and OAuth');
  });
  it('sentenceAround stops at sentence ends and bounds its reach', () => {
    const text = 'First. Second has the match here. Third.';
    const start = text.indexOf('match');
    expect(sentenceAround(text, start, start + 5)).toBe('Second has the match here.');
    const long = `${'a'.repeat(1000)} match ${'b'.repeat(1000)}`;
    expect(sentenceAround(long, 1001, 1006).length).toBeLessThan(500);
  });
  it('scans only the first PHRASE_SCAN_CHARS characters', () => {
    const text = `${'x '.repeat(PHRASE_SCAN_CHARS)}Log in to see pricing.`;
    expect(findPhrase(text, partial, excludeObject)).toBeNull();
  });
});
