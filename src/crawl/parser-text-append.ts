// jsdom's HTML parser appends each word of a text run to the same Text node through the DOM's
// `data` setter (parse5 emits words and spaces as separate tokens). That setter is the DOM's
// "replace data": it walks every ancestor looking for MutationObservers and scans live Ranges, per
// word — about a tenth of the time we spend per page on text-heavy docs (measured with
// --cpu-prof, see README "Benchmarks"). For a document that DOMParser creates and fills inside one
// synchronous call, there are no observers and no ranges yet, so that work finds nothing.
//
// withParserTextAppend() swaps in a setter that skips only that work (it still runs the parent's
// child-text-change steps, which keep <style> and <textarea> right) for the duration of one
// synchronous parse, then restores jsdom's own. It reaches into jsdom's implementation classes,
// so it checks their shape when loaded and stays off if they ever change; a test says whether it
// is on with the installed jsdom and that it changes no parse result.
import { createRequire } from 'node:module';
import 'jsdom';

interface CharacterDataImplLike {
  _data: string;
  nodeType: number;
  parentNode: { _childTextContentChangeSteps(): void } | null;
}

const TEXT_NODE = 3;

let inParse = false;

/**
 * Installs, once, a `data` setter that behaves exactly like jsdom's own except inside
 * withParserTextAppend(). Swapping setters per parse instead would change the prototype's shape
 * every time and deoptimise every DOM access (measured: slower than not patching at all).
 */
function install(): boolean {
  try {
    // Resolved next to jsdom's own entry point, after jsdom has loaded (its modules are circular).
    const require = createRequire(createRequire(import.meta.url).resolve('jsdom'));
    const mod = require('./jsdom/living/nodes/CharacterData-impl.js') as { implementation?: { prototype: object } };
    const proto = mod.implementation?.prototype;
    if (!proto) return false;
    const original = Object.getOwnPropertyDescriptor(proto, 'data');
    const originalSet = original?.set;
    if (!original?.get || !originalSet || typeof (proto as { replaceData?: unknown }).replaceData !== 'function') return false;
    // The getter must read the `_data` field the fast setter writes.
    const probe = Object.create(proto) as CharacterDataImplLike;
    probe._data = 'portalprobe';
    if (original.get.call(probe) !== 'portalprobe') return false;
    Object.defineProperty(proto, 'data', {
      ...original,
      set(this: CharacterDataImplLike, value: string) {
        if (!inParse) {
          originalSet.call(this, value);
          return;
        }
        this._data = value;
        if (this.nodeType === TEXT_NODE && this.parentNode) this.parentNode._childTextContentChangeSteps();
      },
    });
    return true;
  } catch {
    return false;
  }
}

/** Whether the faster text append is available with the installed jsdom (tests check it). */
export const parserTextAppendAvailable = install();

/** Tests turn it off to compare results with jsdom's own path. */
export const parserTextAppend = { enabled: true };

/** Runs one synchronous parse of a new document with the faster text append. */
export function withParserTextAppend<T>(parse: () => T): T {
  if (!parserTextAppendAvailable || !parserTextAppend.enabled || inParse) return parse();
  inParse = true;
  try {
    return parse();
  } finally {
    inParse = false;
  }
}
