// Row ⇄ record mapping and report compression shared by the SQLite and PostgreSQL stores: both
// use the same column names and keep JSON as text, so one mapping serves both.
import { hostname } from 'node:os';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { AuditProgress, AuditRecord, AuditStatus, ApiKeyRecord, ReportSummary, RequestedAuditOptions, ScheduleRecord } from '../types.js';
import type { HistoryPoint } from './types.js';

export const TEXT = {
  interrupted: 'The audit was interrupted {n} times (its worker or the service stopped while it ran); giving up',
  cancelled: 'Cancelled on request',
};

/** This process, as recorded on the audits it runs (host:pid). */
export const WORKER_ID = `${hostname()}:${process.pid}`;

export interface AuditRow {
  id: string;
  url: string;
  host: string;
  status: AuditStatus;
  options: string;
  api_key_id: string | null;
  tenant: string | null;
  schedule_id: string | null;
  worker: string | null;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  progress: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  duration_ms: number | null;
  /** From reports, when the query joins it. */
  summary?: string | null;
  body?: Buffer | Uint8Array | null;
  encoding?: string | null;
}

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    url: row.url,
    host: row.host,
    status: row.status,
    options: JSON.parse(row.options) as RequestedAuditOptions,
    apiKeyId: row.api_key_id,
    tenant: row.tenant,
    scheduleId: row.schedule_id,
    worker: row.worker,
    attempts: row.attempts,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    progress: row.progress ? (JSON.parse(row.progress) as AuditProgress) : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    summary: row.summary ? (JSON.parse(row.summary) as ReportSummary) : null,
  };
}

export interface KeyRow {
  id: string;
  name: string;
  prefix: string;
  tenant: string;
  admin: number | boolean;
  created_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
}

export function toKeyRecord(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    tenant: row.tenant,
    admin: row.admin === true || row.admin === 1,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

export interface ScheduleRow {
  id: string;
  url: string;
  host: string;
  every_seconds: number;
  options: string;
  api_key_id: string | null;
  tenant: string | null;
  next_run_at: number;
  last_audit_id: string | null;
  created_at: number;
}

export function toScheduleRecord(row: ScheduleRow): ScheduleRecord {
  return {
    id: row.id,
    url: row.url,
    host: row.host,
    everySeconds: row.every_seconds,
    options: JSON.parse(row.options) as RequestedAuditOptions,
    apiKeyId: row.api_key_id,
    tenant: row.tenant,
    nextRunAt: row.next_run_at,
    lastAuditId: row.last_audit_id,
    createdAt: row.created_at,
  };
}

export function toHistoryPoint(r: { audit_id: string; url: string; finished_at: number; summary: string }): HistoryPoint {
  return { auditId: r.audit_id, url: r.url, finishedAt: r.finished_at, summary: JSON.parse(r.summary) as ReportSummary };
}

/** Where the next run of a schedule goes: one interval on, or one interval from now after downtime. */
export function nextRunAfter(row: { next_run_at: number; every_seconds: number }, now: number): number {
  const next = row.next_run_at + row.every_seconds * 1000;
  return next <= now ? now + row.every_seconds * 1000 : next;
}

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

// gzip from node:zlib (zstd is not in Node 20; brotli compresses JSON a little smaller but takes
// several times longer at useful levels). Level 6 shrinks report JSON ~8-10×. The async forms run
// in libuv's thread pool, so a multi-MB report does not stall the event loop.
export async function encodeReport(json: string): Promise<{ body: Buffer; encoding: 'gzip' }> {
  return { body: await gzipAsync(Buffer.from(json, 'utf8'), { level: 6 }), encoding: 'gzip' };
}

export async function decodeReport(body: Buffer | Uint8Array, encoding: string): Promise<string> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return encoding === 'gzip' ? (await gunzipAsync(bytes)).toString('utf8') : bytes.toString('utf8');
}

export function emptyStatusCounts(): Record<AuditStatus, number> {
  return { queued: 0, running: 0, done: 0, failed: 0, cancelled: 0 };
}
