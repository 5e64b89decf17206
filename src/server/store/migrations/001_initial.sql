-- portalprobe service store, version 1: audits (the job queue), their reports, API keys and
-- schedules. Times are Unix epoch milliseconds (INTEGER); JSON columns hold JSON text.

CREATE TABLE audits (
  id            TEXT PRIMARY KEY,
  url           TEXT NOT NULL,
  host          TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
  options       TEXT NOT NULL DEFAULT '{}',
  api_key_id    TEXT,
  schedule_id   TEXT,
  -- Times this audit was started; a crash mid-audit leaves it 'running' and recovery counts it.
  attempts      INTEGER NOT NULL DEFAULT 0,
  error_code    TEXT,
  error_message TEXT,
  progress      TEXT,
  created_at    INTEGER NOT NULL,
  started_at    INTEGER,
  finished_at   INTEGER,
  duration_ms   INTEGER
);
-- The queue takes the oldest queued audit first.
CREATE INDEX audits_queue ON audits (status, created_at, id);
-- Listing pages newest first, optionally for one host.
CREATE INDEX audits_recent ON audits (created_at DESC, id DESC);
CREATE INDEX audits_host_recent ON audits (host, created_at DESC, id DESC);
CREATE INDEX audits_key_status ON audits (api_key_id, status);

-- Written in the same transaction that sets the audit 'done', so a report never exists for an
-- audit that is not done. `summary` holds the scores the history reads without parsing `json`.
CREATE TABLE reports (
  audit_id TEXT PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
  json     TEXT NOT NULL,
  summary  TEXT NOT NULL
);

CREATE TABLE api_keys (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  -- sha-256 of the key, hex. The key itself is shown once, at creation, and never stored.
  hash         TEXT NOT NULL UNIQUE,
  -- The first characters of the key, so a person can tell keys apart in a list.
  prefix       TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  revoked_at   INTEGER,
  last_used_at INTEGER
);

CREATE TABLE schedules (
  id            TEXT PRIMARY KEY,
  url           TEXT NOT NULL,
  host          TEXT NOT NULL,
  every_seconds INTEGER NOT NULL CHECK (every_seconds > 0),
  options       TEXT NOT NULL DEFAULT '{}',
  api_key_id    TEXT,
  next_run_at   INTEGER NOT NULL,
  last_audit_id TEXT,
  created_at    INTEGER NOT NULL
);
CREATE INDEX schedules_due ON schedules (next_run_at);

-- Scores per portal over time, derived from done audits.
CREATE VIEW history AS
  SELECT a.id AS audit_id, a.host, a.url, a.finished_at, r.summary
  FROM audits a JOIN reports r ON r.audit_id = a.id
  WHERE a.status = 'done';
