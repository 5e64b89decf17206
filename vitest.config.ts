import { configDefaults, defineConfig } from 'vitest/config';

// The scale-out test (test/server/scale.test.ts) starts one API and three worker processes that
// audit real portals: it runs in a group of its own after everything else, so it neither starves
// the CPU-heavy tests running beside it on a 2-core machine nor is starved by them.
const SCALE = 'test/server/scale.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start servers on 127.0.0.1; two workers match the 2-core machines we run on.
    maxWorkers: 2,
    // No test resolves a host name over the network (src/fetch/address-guard.ts offlineResolver):
    // links to other hosts in fixtures fail as unknown hosts, without a DNS query.
    env: { PORTALPROBE_OFFLINE: '1' },
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, SCALE] } },
      { extends: true, test: { name: 'scale-out', include: [SCALE], sequence: { groupOrder: 1 } } },
    ],
  },
});
