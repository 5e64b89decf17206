// Identifiers and opaque list cursors. Ids are random (not guessable, no count leaked) with a
// short prefix that says what they name; cursors encode the last row a page ended on.
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';

export type IdKind = 'aud' | 'key' | 'sch';

/** e.g. `aud_3q2mX9vJk1cZpA` — 80 random bits, URL-safe. */
export function newId(kind: IdKind): string {
  return `${kind}_${randomBytes(10).toString('base64url')}`;
}

export const ID_PATTERN = '^[a-z]{3}_[A-Za-z0-9_-]{1,64}$';

export interface Cursor {
  createdAt: number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

/** @throws UsageError (400) for a cursor this service did not hand out. */
export function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === 2 && Number.isInteger(value[0]) && typeof value[1] === 'string') {
      return { createdAt: value[0] as number, id: value[1] };
    }
  } catch {
    // fall through to the usage error
  }
  throw new UsageError('The cursor is not valid; use the nextCursor of a previous page', { cursor: text });
}
