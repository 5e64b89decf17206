// The per-host limiter on its own: slot hand-over, isolation between hosts, aborts, politeness.
import { describe, expect, it } from 'vitest';
import { HostLimiter, sleep } from '../../src/fetch/host-limiter.js';

describe('HostLimiter', () => {
  it('holds the limit per host and hands slots over in order', async () => {
    const limiter = new HostLimiter({ concurrency: 2, delayMs: 0 });
    const order: number[] = [];
    const releases = await Promise.all([limiter.acquire('a'), limiter.acquire('a')]);
    const third = limiter.acquire('a').then((r) => (order.push(3), r));
    const fourth = limiter.acquire('a').then((r) => (order.push(4), r));
    await sleep(20);
    expect(order).toEqual([]);
    expect(limiter.active('a')).toBe(2);
    releases[0]();
    const r3 = await third;
    expect(order).toEqual([3]);
    expect(limiter.active('a')).toBe(2);
    releases[1]();
    const r4 = await fourth;
    expect(order).toEqual([3, 4]);
    r3();
    r4();
    r4(); // releasing twice is harmless
    expect(limiter.active('a')).toBe(0);
  });

  it('keeps hosts independent', async () => {
    const limiter = new HostLimiter({ concurrency: 1, delayMs: 0 });
    const a = await limiter.acquire('a.test');
    const b = await limiter.acquire('b.test'); // would hang if hosts shared a slot
    expect(limiter.active('a.test')).toBe(1);
    expect(limiter.active('b.test')).toBe(1);
    a();
    b();
  });

  it('drops a waiter whose signal aborts, without leaking its slot', async () => {
    const limiter = new HostLimiter({ concurrency: 1, delayMs: 0 });
    const held = await limiter.acquire('h');
    const controller = new AbortController();
    const waiting = limiter.acquire('h', controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    held();
    expect(limiter.active('h')).toBe(0);
    const again = await limiter.acquire('h');
    expect(limiter.active('h')).toBe(1);
    again();
  });

  it('spaces starts by delayMs', async () => {
    const limiter = new HostLimiter({ concurrency: 10, delayMs: 80 });
    const started = Date.now();
    const times = await Promise.all(
      [0, 1, 2].map(async () => {
        const release = await limiter.acquire('p');
        const t = Date.now() - started;
        release();
        return t;
      }),
    );
    times.sort((x, y) => x - y);
    // Event-loop lag can only delay a start, so the k-th start is at least k gaps after the first
    // moment (a few ms of slack for timer rounding); the gaps between observed starts can shrink.
    expect(times[1]).toBeGreaterThanOrEqual(80 - 5);
    expect(times[2]).toBeGreaterThanOrEqual(160 - 5);
  });

  it('treats a concurrency below 1 as 1', async () => {
    const limiter = new HostLimiter({ concurrency: 0, delayMs: 0 });
    const r = await limiter.acquire('z');
    expect(limiter.active('z')).toBe(1);
    r();
  });
});
