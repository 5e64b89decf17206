// The one "is this a plain JSON object?" check: an object that is neither null nor an array.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
