import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration tests start servers on 127.0.0.1; two workers match the 2-core machines we run on.
    maxWorkers: 2,
    // No test resolves a host name over the network (src/fetch/address-guard.ts offlineResolver):
    // links to other hosts in fixtures fail as unknown hosts, without a DNS query.
    env: { PORTALPROBE_OFFLINE: '1' },
  },
});
