// What the service's plugins add to Fastify's types (module augmentation, types only).
import type { AuditEvents } from './jobs/events.js';
import type { JobQueue } from './jobs/types.js';
import type { Metrics } from './metrics.js';
import type { EventStreams } from './sse.js';
import type { Store } from './store/types.js';
import type { ServerConfig } from './config.js';
import type { HostResolver } from '../fetch/types.js';
import type { ApiKeyRecord } from './types.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: ServerConfig;
    store: Store;
    events: AuditEvents;
    metrics: Metrics;
    queue: JobQueue;
    streams: EventStreams;
    /** Resolver used to vet audit targets at submit time (tests stub it). */
    targetLookup: HostResolver | undefined;
  }
  interface FastifyRequest {
    /** The API key the request authenticated with; null with auth off or on a public route. */
    apiKey: ApiKeyRecord | null;
  }
  interface FastifyContextConfig {
    /** A route under /v1 that needs no API key. */
    public?: boolean;
  }
}
