// Audit events across processes with PostgreSQL LISTEN/NOTIFY. A worker NOTIFYs each progress
// event and each status change on the schema's channel; every API process LISTENs on one
// dedicated connection and re-emits them on its local AuditEvents bus, where the SSE streams
// are. NOTIFY payloads are small (< 8000 bytes): a status change carries only the audit id (the
// relay reads the audit from the store), progress carries the folded progress (URLs cut short).
// Notifications sent while the relay was reconnecting are lost, so after every reconnect the
// relay re-reads each watched audit and emits its status — a stream never waits for an end that
// already happened. Each payload carries its send time; the relay keeps the delay it saw (the
// bench reports it, /metrics shows it).
import pg from 'pg';
import type { ProgressEvent } from '../../audit/progress.js';
import type { PgStore } from '../store/pg/index.js';
import type { AuditProgress } from '../types.js';
import type { AuditEvents } from './events.js';
import type { QueueLogger } from './execute.js';
import type { EventPublisher } from './publish.js';
import type { DelayStats } from './types.js';

const MAX_URL = 1000;
const PROGRESS_MS = 250;
const RECONNECT_MS = 1_000;

type Payload =
  | { t: 's'; id: string; at: number }
  | { t: 'p'; id: string; at: number; event: ProgressEvent; progress: AuditProgress };

export function eventChannel(schema: string): string {
  return `pp_events_${schema}`;
}

const cut = (url: string | null) => (url && url.length > MAX_URL ? `${url.slice(0, MAX_URL)}…` : url);

export interface PgPublisher extends EventPublisher {
  /** Sends what is pending and closes the publisher's connection. */
  close(): Promise<void>;
}

/**
 * NOTIFY from a worker. Two things keep it cheap at scale: page progress is coalesced to at most
 * one notification per audit every PROGRESS_MS (phase and probe events and status changes go at
 * once), and notifications go through one connection of their own with synchronous_commit off —
 * each NOTIFY is a commit, and progress does not need to wait for a WAL flush (a crash loses at
 * most a progress tick, never stored state). Every NOTIFY commit takes PostgreSQL's global
 * notification lock, so fewer of them is what lets workers scale.
 */
export function pgPublisher(store: PgStore, log: QueueLogger): PgPublisher {
  const channel = eventChannel(store.pg.schema);
  const pool = new pg.Pool({ connectionString: store.pg.connectionString, max: 1, application_name: 'portalprobe-notify', options: '-c synchronous_commit=off' });
  pool.on('error', () => {});
  const notify = (payload: Payload) => {
    pool.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]).catch((err: unknown) => {
      // Progress is best-effort; the stored row stays the truth (and the relay resyncs).
      if (!store.closed) log.warn({ err: (err as Error).message }, 'event not published');
    });
  };
  const pending = new Map<string, { payload: Payload; timer: NodeJS.Timeout }>();
  const flush = (id: string) => {
    const p = pending.get(id);
    if (!p) return;
    clearTimeout(p.timer);
    pending.delete(id);
    notify(p.payload);
  };
  return {
    status: (audit) => {
      flush(audit.id);
      notify({ t: 's', id: audit.id, at: Date.now() });
    },
    progress: (id, event, progress) => {
      const e = event.type === 'page' ? { ...event, url: cut(event.url)! } : event;
      const payload: Payload = { t: 'p', id, at: Date.now(), event: e, progress: { ...progress, lastUrl: cut(progress.lastUrl) } };
      const waiting = pending.get(id);
      if (event.type !== 'page') {
        flush(id);
        notify(payload);
      } else if (waiting) {
        waiting.payload = payload;
      } else {
        pending.set(id, { payload, timer: setTimeout(() => flush(id), PROGRESS_MS) });
      }
    },
    close: async () => {
      for (const id of [...pending.keys()]) flush(id);
      await pool.end().catch(() => {});
    },
  };
}


export class PgEventRelay {
  private client: pg.Client | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  readonly delay: DelayStats = { count: 0, sumMs: 0, maxMs: 0 };
  /** Connected and listening. */
  listening = false;

  constructor(private readonly store: PgStore, private readonly events: AuditEvents, private readonly log: QueueLogger) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    this.listening = false;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.store.pg.connectionString, application_name: 'portalprobe-events' });
    const lost = (why: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      client.end().catch(() => {});
      if (this.stopped) return;
      this.log.warn({ why }, 'event relay disconnected; reconnecting');
      this.timer = setTimeout(() => void this.reconnect(), RECONNECT_MS);
    };
    client.on('error', (err) => lost(err.message));
    client.on('end', () => lost('connection ended'));
    client.on('notification', (msg) => this.onNotification(msg.payload));
    this.client = client;
    await client.connect();
    await client.query(`LISTEN ${eventChannel(this.store.pg.schema)}`);
    this.listening = true;
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.connect();
      this.log.info({}, 'event relay reconnected');
      await this.resync();
    } catch (err) {
      this.client = undefined;
      this.listening = false;
      this.log.warn({ err: (err as Error).message }, 'event relay: reconnect failed; retrying');
      this.timer = setTimeout(() => void this.reconnect(), RECONNECT_MS);
    }
  }

  /** Emits the stored status of every watched audit (after notifications may have been missed). */
  async resync(): Promise<void> {
    for (const id of this.events.watchedIds()) {
      const audit = await this.store.audits.get(id);
      if (audit) this.events.emit(id, { type: 'status', audit });
    }
  }

  private onNotification(text: string | undefined): void {
    if (!text) return;
    let payload: Payload;
    try {
      payload = JSON.parse(text) as Payload;
    } catch {
      return;
    }
    const ms = Math.max(0, Date.now() - payload.at);
    this.delay.count++;
    this.delay.sumMs += ms;
    this.delay.maxMs = Math.max(this.delay.maxMs, ms);
    // Nobody here watches this audit: nothing to do (most notifications in a busy cluster).
    if (!this.events.isWatched(payload.id)) return;
    if (payload.t === 'p') {
      this.events.emit(payload.id, { type: 'progress', auditId: payload.id, event: payload.event, progress: payload.progress });
      return;
    }
    this.store.audits.get(payload.id).then(
      (audit) => audit && this.events.emit(payload.id, { type: 'status', audit }),
      (err: unknown) => this.log.warn({ err: (err as Error).message }, 'event relay: cannot read audit'),
    );
  }
}
