// portalprobe dashboard: lists audits, starts them, follows their progress (the SSE stream, read
// with fetch so the API key can travel in a header), opens reports, charts a portal's score
// history as inline SVG and compares portals. Plain browser JavaScript, no build step. Every
// value from the API reaches the page through textContent or attributes, never as HTML.
'use strict';

const KEY_STORAGE = 'portalprobe.apiKey';
const PAGE_SIZE = 20;
const SERIES = [
  { key: 'overall', label: 'Overall', color: '#1f2933', width: 3 },
  { key: 'core', label: 'Core', color: '#2f5fd0', width: 2 },
  { key: 'businessReadiness', label: 'Business readiness', color: '#b7791f', width: 2 },
  { key: 'aiVisibility', label: 'AI visibility', color: '#1f7a4d', width: 2 },
];
const TEXT = {
  needKey: 'Enter an API key to use this service.',
  badKey: 'That key was not accepted (unknown or revoked).',
  noHistory: 'No finished audits of this portal yet.',
  noChanges: 'No practice changed.',
  loading: 'Loading…',
};

const state = { audits: new Map(), order: [], nextCursor: null, following: new Set(), selected: new Set() };
const $ = (id) => document.getElementById(id);

function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code;
  }
}

/** fetch with the API key; JSON in and out unless `raw`. */
async function api(path, { method = 'GET', body, raw = false } = {}) {
  const headers = {};
  const key = apiKey();
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 401) {
    showKeyPanel(key ? TEXT.badKey : TEXT.needKey);
    throw new ApiError(401, await res.json().catch(() => null));
  }
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null));
  if (raw) return res;
  return res.status === 204 ? null : res.json();
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) if (k === 'text') node.textContent = v; else node.setAttribute(k, String(v));
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

// ---- key handling -------------------------------------------------------------------------

function showKeyPanel(message) {
  $('key-panel').hidden = false;
  $('key-error').textContent = message;
  $('key-input').focus();
}

function setupKey() {
  $('key-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $('key-input').value.trim());
    $('key-input').value = '';
    try {
      await loadAudits(true);
      $('key-panel').hidden = true;
      $('sign-out').hidden = false;
    } catch {
      // api() already showed why.
    }
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    location.reload();
  });
  $('sign-out').hidden = !apiKey();
}

// ---- audits list --------------------------------------------------------------------------

async function loadAudits(reset) {
  const cursor = reset ? '' : state.nextCursor ?? '';
  const page = await api(`/v1/audits?limit=${PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
  if (reset) {
    state.audits.clear();
    state.order = [];
  }
  for (const audit of page.items) {
    if (!state.audits.has(audit.id)) state.order.push(audit.id);
    state.audits.set(audit.id, audit);
  }
  state.nextCursor = page.nextCursor;
  renderAudits();
  for (const audit of page.items) if (audit.status === 'queued' || audit.status === 'running') follow(audit.id);
}

function upsertAudit(audit, first = false) {
  if (!state.audits.has(audit.id)) {
    if (first) state.order.unshift(audit.id);
    else state.order.push(audit.id);
  }
  state.audits.set(audit.id, { ...state.audits.get(audit.id), ...audit });
  renderAudits();
}

function scoreClass(score) {
  return score >= 70 ? 'good' : score >= 40 ? 'fair' : 'poor';
}

function progressCell(audit) {
  const p = audit.progress;
  if (audit.status === 'failed' || audit.status === 'cancelled') return el('span', { class: 'muted', text: audit.error ? `${audit.error.code}: ${audit.error.message}` : audit.status });
  if (audit.status === 'queued') return el('span', { class: 'muted', text: 'waiting' });
  if (!p) return el('span', { class: 'muted', text: '' });
  const max = p.maxPages || 0;
  const pct = audit.status === 'done' ? 100 : max ? Math.min(100, Math.round((p.pagesFetched / max) * 100)) : 0;
  const bar = el('span', { class: 'bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(pct) }, el('span'));
  bar.firstChild.style.width = `${pct}%`;
  const text = audit.status === 'done' ? `${p.pagesFetched} pages` : `${p.phase} · ${p.pagesFetched}${max ? `/${max}` : ''} pages · ${p.probesDone} probes`;
  return el('span', {}, bar, el('span', { class: 'progress-text', text }));
}

function renderAudits() {
  const body = $('audits').querySelector('tbody');
  body.replaceChildren(
    ...state.order.map((id) => {
      const a = state.audits.get(id);
      const done = a.status === 'done';
      const overall = a.scores ? a.scores.overall : null;
      const select = el('input', {
        type: 'checkbox',
        'aria-label': `Select ${a.host} for comparison`,
        disabled: !done,
        checked: state.selected.has(id),
        onchange: (e) => {
          if (e.target.checked) state.selected.add(id);
          else state.selected.delete(id);
          $('compare-button').disabled = state.selected.size < 2;
        },
      });
      return el('tr', { 'data-id': id, 'data-status': a.status },
        el('td', {}, select),
        el('td', { class: 'portal' }, el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: a.url })),
        el('td', {}, el('span', { class: `badge ${a.status}`, text: a.status })),
        el('td', {}, progressCell(a)),
        el('td', {}, overall === null ? el('span', { class: 'muted', text: '—' }) : el('span', { class: `score ${scoreClass(overall)}`, text: String(Math.round(overall)) })),
        el('td', { text: new Date(a.createdAt).toLocaleString() }),
        el('td', { class: 'actions-cell' },
          done ? el('button', { type: 'button', class: 'small', 'data-action': 'report', text: 'Report', onclick: () => openReport(a) }) : null,
          el('button', { type: 'button', class: 'small secondary', 'data-action': 'history', text: 'History', onclick: () => openHistory(a.host) }),
          a.status === 'queued' || a.status === 'running'
            ? el('button', { type: 'button', class: 'small secondary', 'data-action': 'cancel', text: 'Cancel', onclick: () => cancelAudit(a.id) })
            : null,
        ),
      );
    }),
  );
  $('audits-empty').hidden = state.order.length > 0;
  $('more-button').hidden = !state.nextCursor;
  $('compare-button').disabled = state.selected.size < 2;
}

async function startAudit(e) {
  e.preventDefault();
  $('audit-error').textContent = '';
  const url = $('audit-url').value.trim();
  const pages = Number($('audit-pages').value);
  const body = { url };
  if (pages > 0) body.options = { maxPages: pages };
  try {
    const audit = await api('/v1/audits', { method: 'POST', body });
    upsertAudit(audit, true);
    follow(audit.id);
    $('audit-url').value = '';
  } catch (err) {
    $('audit-error').textContent = err.code ? `${err.message} [${err.code}]` : err.message;
  }
}

async function cancelAudit(id) {
  try {
    upsertAudit(await api(`/v1/audits/${id}`, { method: 'DELETE' }));
  } catch (err) {
    $('audit-error').textContent = err.message;
  }
}

// ---- progress (Server-Sent Events over fetch) ----------------------------------------------

function parseFrame(frame) {
  let event = 'message';
  const data = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith(':')) continue;
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  return data.length ? { event, data: JSON.parse(data.join('\n')) } : null;
}

async function follow(id) {
  if (state.following.has(id)) return;
  state.following.add(id);
  try {
    const res = await api(`/v1/audits/${id}/events`, { raw: true });
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = parseFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (!message) continue;
        if (message.event === 'progress') {
          const audit = state.audits.get(id);
          if (audit) upsertAudit({ ...audit, status: 'running', progress: message.data.progress });
        } else {
          upsertAudit(message.data);
        }
      }
    }
  } catch {
    // A dropped stream: the next refresh shows the state from the store.
  } finally {
    state.following.delete(id);
  }
}

// ---- detail panel: report, history, comparison --------------------------------------------

function showDetail(title, ...content) {
  $('detail-title').textContent = title;
  $('detail-body').replaceChildren(...content.filter((c) => c !== null && c !== undefined));
  $('detail-panel').hidden = false;
  $('detail-panel').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function download(audit, format) {
  const res = await api(`/v1/audits/${audit.id}/report?format=${format}`, { raw: true });
  const blob = await res.blob();
  const a = el('a', { href: URL.createObjectURL(blob), download: `portalprobe-${audit.host.replace(/[^a-z0-9.-]/gi, '_')}.${format}` });
  document.body.append(a);
  a.click();
  a.remove();
}

async function openReport(audit) {
  showDetail(`Report — ${audit.host}`, el('p', { class: 'muted', text: TEXT.loading }));
  const res = await api(`/v1/audits/${audit.id}/report?format=html`, { raw: true });
  const html = await res.text();
  const frame = htmlFrame(html, `Report for ${audit.host}`);
  const links = el('p', { class: 'report-links' },
    el('button', { type: 'button', class: 'small secondary', text: 'Download JSON', onclick: () => download(audit, 'json') }),
    el('button', { type: 'button', class: 'small secondary', text: 'Download Markdown', onclick: () => download(audit, 'md') }),
    el('button', { type: 'button', class: 'small secondary', text: 'Download HTML', onclick: () => download(audit, 'html') }),
  );
  showDetail(`Report — ${audit.host}`, links, frame);
}

/** Inline SVG line chart of the overall and lens scores (0–100) over time. */
function historyChart(points) {
  const W = 640, H = 260, L = 36, R = 16, T = 12, B = 36;
  const times = points.map((p) => Date.parse(p.finishedAt));
  const t0 = Math.min(...times), t1 = Math.max(...times);
  const x = (t) => (t1 === t0 ? L + (W - L - R) / 2 : L + ((t - t0) / (t1 - t0)) * (W - L - R));
  const y = (v) => T + (1 - v / 100) * (H - T - B);
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-title' },
    svg('title', { id: 'chart-title', text: `Scores over time, ${points.length} audits` }));
  for (const v of [0, 25, 50, 75, 100]) {
    chart.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#d9e2ec' }));
    chart.append(svg('text', { x: L - 6, y: y(v) + 4, 'text-anchor': 'end', text: String(v) }));
  }
  const labelled = new Set([0, points.length - 1]);
  points.forEach((p, i) => {
    if (!labelled.has(i)) return;
    chart.append(svg('text', { x: x(times[i]), y: H - 12, 'text-anchor': i === 0 && points.length > 1 ? 'start' : 'end', text: new Date(times[i]).toLocaleDateString() + ' ' + new Date(times[i]).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) }));
  });
  for (const s of SERIES) {
    const values = points.map((p) => (s.key === 'overall' ? p.overall : p.lenses[s.key]));
    if (values.some((v) => typeof v !== 'number')) continue;
    const d = values.map((v, i) => `${i ? 'L' : 'M'}${x(times[i]).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    chart.append(svg('path', { d, fill: 'none', stroke: s.color, 'stroke-width': s.width, 'data-series': s.key }));
    values.forEach((v, i) => chart.append(svg('circle', { cx: x(times[i]).toFixed(1), cy: y(v).toFixed(1), r: s.key === 'overall' ? 4 : 3, fill: s.color },
      svg('title', { text: `${s.label}: ${v} (${new Date(times[i]).toLocaleString()})` }))));
  }
  return chart;
}

async function openHistory(host) {
  showDetail(`Score history — ${host}`, el('p', { class: 'muted', text: TEXT.loading }));
  const history = await api(`/v1/portals/${encodeURIComponent(host)}/history`);
  if (history.points.length === 0) return showDetail(`Score history — ${host}`, el('p', { class: 'muted', text: TEXT.noHistory }));
  const legend = el('div', { class: 'legend' }, SERIES.map((s) => {
    const swatch = el('i');
    swatch.style.background = s.color;
    return el('span', {}, swatch, s.label);
  }));
  const trend = history.trend
    ? el('p', { text: `Overall ${history.trend.from} → ${history.trend.to} (${history.trend.delta >= 0 ? '+' : ''}${history.trend.delta}) over ${history.points.length} audits.` })
    : null;
  const changes = el('div', { id: 'history-changes' });
  const rows = history.points.map((p, i) => el('tr', {},
    el('td', { text: new Date(p.finishedAt).toLocaleString() }),
    el('td', { class: `score ${scoreClass(p.overall)}`, text: String(p.overall) }),
    el('td', {}, i > 0 ? el('button', { type: 'button', class: 'small secondary', text: 'What changed', onclick: () => showChanges(p.auditId, history.points[i - 1].auditId, changes) }) : el('span', { class: 'muted', text: 'first audit' })),
  ));
  const table = el('table', {}, el('thead', {}, el('tr', {}, el('th', { text: 'Finished' }), el('th', { text: 'Overall' }), el('th', { text: 'Changes since the previous audit' }))), el('tbody', {}, rows));
  showDetail(`Score history — ${host}`, trend, legend, historyChart(history.points), table, changes);
}

async function showChanges(id, against, target) {
  const diff = await api(`/v1/audits/${id}/diff?against=${encodeURIComponent(against)}`);
  const items = diff.changes.map((c) => el('li', { class: c.direction },
    `${c.name} (${c.id}): ${c.from ? c.from.status : 'new'} → ${c.to ? c.to.status : 'removed'}`));
  target.replaceChildren(
    el('h3', { text: `Changes: overall ${diff.overall.from} → ${diff.overall.to}` }),
    items.length ? el('ul', { class: 'changes' }, items) : el('p', { class: 'muted', text: TEXT.noChanges }),
  );
}

let focusAreaNamesCache;
/** Focus-area display names from the maturity model (GET /v1/model, public). */
async function focusAreaNames() {
  if (!focusAreaNamesCache) {
    const model = await api('/v1/model').catch(() => ({ focusAreas: [] }));
    focusAreaNamesCache = Object.fromEntries(model.focusAreas.map((f) => [f.id, f.name]));
  }
  return focusAreaNamesCache;
}

/** A sandboxed, script-less frame showing a self-contained HTML page from the API. */
function htmlFrame(html, title) {
  // The page's scripts (a print helper at most) are dropped rather than left to be blocked;
  // <base target=_blank> makes its links open outside the frame.
  const frame = el('iframe', { class: 'report', title, sandbox: 'allow-popups allow-popups-to-escape-sandbox' });
  frame.srcdoc = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/<head>/i, '<head><base target="_blank">');
  return frame;
}

async function compareSelected() {
  // In list order (newest first): the topmost ticked audit is the subject.
  const auditIds = state.order.filter((id) => state.selected.has(id));
  try {
    const { comparison } = await api('/v1/comparisons', { method: 'POST', body: { auditIds } });
    const portals = comparison.portals;
    const head = el('tr', {}, el('th', { text: 'Score' }), portals.map((p) => el('th', { text: p.index === 0 ? `${p.label} (subject)` : p.label })));
    const row = (label, scores) => el('tr', {}, el('th', { scope: 'row', text: label }), portals.map((p) => {
      const v = scores[p.index];
      return el('td', { class: typeof v === 'number' ? `score ${scoreClass(v)}` : 'muted', text: typeof v === 'number' ? String(v) : 'n/a' });
    }));
    const names = await focusAreaNames();
    const rows = [row('Overall', comparison.overall.scores), ...SERIES.slice(1).map((s) => row(s.label, comparison.lenses[s.key].scores))];
    for (const [area, scored] of Object.entries(comparison.focusAreas)) rows.push(row(names[area] ?? area, scored.scores));
    const table = el('table', { id: 'comparison' }, el('thead', {}, head), el('tbody', {}, rows));
    const gaps = comparison.gaps.length
      ? el('p', { text: `${comparison.gaps.length} practice(s) a competitor passes where ${portals[0].label} does not; the full comparison follows.` })
      : null;
    showDetail('Comparison', table, gaps, el('p', { class: 'muted', text: TEXT.loading }));
    const res = await api('/v1/comparisons?format=html', { method: 'POST', body: { auditIds }, raw: true });
    showDetail('Comparison', table, gaps, htmlFrame(await res.text(), 'Comparison report'));
  } catch (err) {
    $('audit-error').textContent = err.message;
  }
}

// ---- start ---------------------------------------------------------------------------------

document.addEventListener('DOMContentLoaded', () => {
  setupKey();
  $('audit-form').addEventListener('submit', startAudit);
  $('refresh-button').addEventListener('click', () => loadAudits(true).catch(() => {}));
  $('more-button').addEventListener('click', () => loadAudits(false).catch(() => {}));
  $('compare-button').addEventListener('click', compareSelected);
  $('detail-close').addEventListener('click', () => {
    $('detail-panel').hidden = true;
    $('detail-body').replaceChildren();
  });
  loadAudits(true).catch(() => {});
});
