// Where a JSON text first goes wrong, for evidence ("line 3, column 12"). V8's JSON.parse reports a
// position for most errors but not for "Unexpected token" ones, so a small validator of the RFC 8259
// grammar finds the offset itself. Iterative (an explicit stack), linear, no values built.
// https://www.rfc-editor.org/rfc/rfc8259

const LITERAL = /true|false|null/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

const isWs = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

/** End index of the number starting at `i`, or -(offset+1) of the first character that breaks it. */
function scanNumber(t: string, i: number): number {
  let j = i;
  if (t.charCodeAt(j) === 0x2d) j++;
  if (!isDigit(t.charCodeAt(j))) return -(j + 1);
  if (t.charCodeAt(j) === 0x30) j++;
  else while (isDigit(t.charCodeAt(j))) j++;
  if (t.charCodeAt(j) === 0x2e) {
    j++;
    if (!isDigit(t.charCodeAt(j))) return -(j + 1);
    while (isDigit(t.charCodeAt(j))) j++;
  }
  if (t.charCodeAt(j) === 0x65 || t.charCodeAt(j) === 0x45) {
    j++;
    if (t.charCodeAt(j) === 0x2b || t.charCodeAt(j) === 0x2d) j++;
    if (!isDigit(t.charCodeAt(j))) return -(j + 1);
    while (isDigit(t.charCodeAt(j))) j++;
  }
  return j;
}

/** End index (after the closing quote) of the string starting at `i`, or -(offset+1) of its error. */
function scanString(t: string, i: number): number {
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -(j + 1);
    if (c === 0x5c) {
      const e = t[j + 1];
      if (e === 'u') {
        for (let k = j + 2; k < j + 6; k++) if (!isHex(t.charCodeAt(k))) return -(k + 1);
        j += 5;
      } else if (e !== undefined && ESCAPES.has(e)) {
        j++;
      } else {
        return -(j + 2); // V8 points at the character after the backslash
      }
    }
  }
  return -(t.length + 1);
}

/** The offset of the first character that makes `text` invalid JSON, or null when it is valid. */
export function jsonErrorOffset(text: string): number | null {
  const t = text;
  const stack: number[] = []; // 0x7b '{' or 0x5b '['
  let i = 0;
  const skip = (): void => {
    while (i < t.length && isWs(t.charCodeAt(i))) i++;
  };
  // 'value' expects a value; 'after' a separator or the container's end; 'key' a member name.
  let expect: 'value' | 'after' | 'key' | 'keyOrEnd' | 'valueOrEnd' = 'value';
  for (;;) {
    skip();
    if (i >= t.length) return expect === 'after' && stack.length === 0 ? null : t.length;
    const c = t.charCodeAt(i);
    if (expect === 'after') {
      const top = stack.at(-1);
      if (top === undefined) return i; // trailing content after the value
      if (c === 0x2c) {
        i++;
        expect = top === 0x7b ? 'key' : 'value';
      } else if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
        i++;
        stack.pop();
      } else {
        return i;
      }
      continue;
    }
    if (expect === 'keyOrEnd' || expect === 'key') {
      if (expect === 'keyOrEnd' && c === 0x7d) {
        i++;
        stack.pop();
        expect = 'after';
        continue;
      }
      if (c !== 0x22) return i;
      const end = scanString(t, i);
      if (end < 0) return -end - 1;
      i = end;
      skip();
      if (t.charCodeAt(i) !== 0x3a) return i;
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'valueOrEnd' && c === 0x5d) {
      i++;
      stack.pop();
      expect = 'after';
      continue;
    }
    // A value.
    if (c === 0x7b || c === 0x5b) {
      stack.push(c);
      i++;
      expect = c === 0x7b ? 'keyOrEnd' : 'valueOrEnd';
      continue;
    }
    if (c === 0x22) {
      const end = scanString(t, i);
      if (end < 0) return -end - 1;
      i = end;
    } else if (c === 0x2d || isDigit(c)) {
      const end = scanNumber(t, i);
      if (end < 0) return -end - 1;
      i = end;
    } else {
      LITERAL.lastIndex = i;
      if (!LITERAL.test(t)) return i;
      i = LITERAL.lastIndex;
    }
    expect = 'after';
  }
}
