-- portalprobe service store on PostgreSQL, version 1: the same tables as the SQLite store at its
-- version 2 (audits, compressed reports, API keys with tenants, schedules, the history view), plus
-- rate-limit counters shared by every API process. The job queue itself is pg-boss (its own
-- schema, <schema>_boss). Times are Unix epoch milliseconds (BIGINT); JSON columns hold JSON
-- text, as in SQLite, so both stores map rows the same way.

CREATE TABLE audits (
  id            TEXT PRIMARY KEY,
  url           TEXT NOT NULL,
  host          TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  options       TEXT NOT NULL DEFAULT '{}',
  api_key_id    TEXT,
  tenant        TEXT,
  schedule_id   TEXT,
  -- Which process runs (or last ran) the audit: host:pid.
  worker        TEXT,
  -- Runs started; also the token of the current run (a superseded worker's writes match no row).
  attempts      INTEGER NOT NULL DEFAULT 0,
  error_code    TEXT,
  error_message TEXT,
  progress      TEXT,
  created_at    BIGINT NOT NULL,
  started_at    BIGINT,
  finished_at   BIGINT,
  duration_ms   BIGINT
);
CREATE INDEX audits_recent ON audits (created_at DESC, id DESC);
CREATE INDEX audits_host_recent ON audits (host, created_at DESC, id DESC);
CREATE INDEX audits_tenant_recent ON audits (tenant, created_at DESC, id DESC);
CREATE INDEX audits_tenant_status ON audits (tenant, status);
CREATE INDEX audits_schedule_status ON audits (schedule_id, status);
CREATE INDEX audits_status ON audits (status);

-- Written in the transaction that sets the audit 'done'. body: gzip of the report JSON.
CREATE TABLE reports (
  audit_id TEXT PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
  body     BYTEA NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('identity', 'gzip')),
  summary  TEXT NOT NULL
);

CREATE TABLE api_keys (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  hash         TEXT NOT NULL UNIQUE,
  prefix       TEXT NOT NULL,
  tenant       TEXT NOT NULL,
  admin        BOOLEAN NOT NULL DEFAULT false,
  created_at   BIGINT NOT NULL,
  revoked_at   BIGINT,
  last_used_at BIGINT
);

CREATE TABLE schedules (
  id            TEXT PRIMARY KEY,
  url           TEXT NOT NULL,
  host          TEXT NOT NULL,
  every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),
  options       TEXT NOT NULL DEFAULT '{}',
  api_key_id    TEXT,
  tenant        TEXT,
  next_run_at   BIGINT NOT NULL,
  last_audit_id TEXT,
  created_at    BIGINT NOT NULL
);
CREATE INDEX schedules_due ON schedules (next_run_at);

-- Fixed-window request counters for @fastify/rate-limit, one row per key and window.
CREATE TABLE rate_limits (
  bucket       TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits         INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);

CREATE VIEW history AS
  SELECT a.id AS audit_id, a.host, a.url, a.tenant, a.finished_at, r.summary
  FROM audits a JOIN reports r ON r.audit_id = a.id
  WHERE a.status = 'done';
