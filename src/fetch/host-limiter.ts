// Per-host politeness for our own traffic: at most N requests in flight to one host, and a minimum
// gap between two request starts to the same host. undici's crawling advice (and RFC 9309's spirit)
// is to be a gentle visitor; one audit must never hammer a portal. In-process only: one client,
// one limiter.
import { AbortedError } from '../errors.js';

export interface HostLimiterOptions {
  /** Requests in flight per host. @default 4 */
  concurrency: number;
  /** Minimum gap between request starts to one host, in ms. @default 0 */
  delayMs: number;
}

interface HostState {
  active: number;
  waiters: Array<() => void>;
  /** Earliest time the next request may start (politeness delay). */
  nextStart: number;
}

export type Release = () => void;

export function sleep(ms: number, signal?: AbortSignal, label = 'sleep'): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new AbortedError(label));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason ?? new AbortedError(label));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class HostLimiter {
  readonly #hosts = new Map<string, HostState>();
  readonly #concurrency: number;
  readonly #delayMs: number;

  constructor(options: HostLimiterOptions) {
    this.#concurrency = Math.max(1, Math.floor(options.concurrency));
    this.#delayMs = Math.max(0, options.delayMs);
  }

  /** Requests currently holding a slot for `host` (for tests and metrics). */
  active(host: string): number {
    return this.#hosts.get(host)?.active ?? 0;
  }

  /** Waits for a slot (and the politeness gap) for `host`; call the returned function when done. */
  async acquire(host: string, signal?: AbortSignal): Promise<Release> {
    const state = this.#state(host);
    if (state.active < this.#concurrency) {
      state.active++;
    } else {
      await this.#wait(state, host, signal);
    }
    let released = false;
    const release: Release = () => {
      if (released) return;
      released = true;
      this.#release(host, state);
    };
    const now = Date.now();
    const startAt = Math.max(now, state.nextStart);
    state.nextStart = startAt + this.#delayMs;
    try {
      await sleep(startAt - now, signal, host);
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (!state) {
      state = { active: 0, waiters: [], nextStart: 0 };
      this.#hosts.set(host, state);
    }
    return state;
  }

  /** Queues until a releasing request hands its slot over (the slot count never dips in between). */
  #wait(state: HostState, host: string, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason ?? new AbortedError(host));
      const onAbort = (): void => {
        const i = state.waiters.indexOf(grant);
        if (i >= 0) state.waiters.splice(i, 1);
        reject(signal?.reason ?? new AbortedError(host));
      };
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      state.waiters.push(grant);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  #release(host: string, state: HostState): void {
    const next = state.waiters.shift();
    if (next) {
      next();
      return;
    }
    state.active--;
    // Forget idle hosts so a long-lived client does not grow without bound; keep the entry while
    // a politeness gap is still pending.
    if (state.active === 0 && state.nextStart <= Date.now()) this.#hosts.delete(host);
  }
}
