-- Version 2: every stored object belongs to a tenant (issue 14: keys own their audits), keys can
-- be admins, and reports are stored compressed (they reach megabytes for big portals).
-- A key's tenant is its own id unless it was created into a team's tenant. Objects made without
-- a key (--no-auth) have no tenant; only admin keys see them once keys are required.

ALTER TABLE api_keys ADD COLUMN tenant TEXT;
ALTER TABLE api_keys ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
UPDATE api_keys SET tenant = id;

ALTER TABLE audits ADD COLUMN tenant TEXT;
-- Which process runs (or last ran) the audit: host:pid.
ALTER TABLE audits ADD COLUMN worker TEXT;
UPDATE audits SET tenant = api_key_id;
CREATE INDEX audits_tenant_recent ON audits (tenant, created_at DESC, id DESC);
CREATE INDEX audits_tenant_status ON audits (tenant, status);

ALTER TABLE schedules ADD COLUMN tenant TEXT;
UPDATE schedules SET tenant = api_key_id;

-- body: the report JSON, gzip-compressed when encoding = 'gzip' ('identity' for rows written by
-- version 1, kept as they were).
CREATE TABLE reports_v2 (
  audit_id TEXT PRIMARY KEY REFERENCES audits (id) ON DELETE CASCADE,
  body     BLOB NOT NULL,
  encoding TEXT NOT NULL CHECK (encoding IN ('identity', 'gzip')),
  summary  TEXT NOT NULL
);
INSERT INTO reports_v2 (audit_id, body, encoding, summary) SELECT audit_id, CAST(json AS BLOB), 'identity', summary FROM reports;
DROP VIEW history;
DROP TABLE reports;
ALTER TABLE reports_v2 RENAME TO reports;

CREATE VIEW history AS
  SELECT a.id AS audit_id, a.host, a.url, a.tenant, a.finished_at, r.summary
  FROM audits a JOIN reports r ON r.audit_id = a.id
  WHERE a.status = 'done';
