// Tests for reports/spider-chart.ts: geometry (axes, rings, polygon points where the values put
// them), values written as text, several series with a legend, and escaping.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { spiderChartSvg, type SpiderSeries } from '../../reports/spider-chart.js';
import { FOCUS_AREAS, type FocusAreaId } from '../../src/contract/index.js';

const VALUES: Record<FocusAreaId, number> = { discovery: 62, decisionMaking: 44, onboarding: 71, goLive: 82, maintenance: 55, community: 33 };

function parse(svg: string): Document {
  return new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
}

type Point = { x: number; y: number };

function points(attr: string | null): Point[] {
  return (attr ?? '')
    .trim()
    .split(/\s+/)
    .map((pair) => {
      const [x, y] = pair.split(',').map(Number);
      return { x, y };
    });
}

/** Centre and the 100-point of each axis, read from the axis lines. */
function axes(doc: Document): { centre: Point; ends: Record<string, Point> } {
  const lines = [...doc.querySelectorAll('line.axis')];
  const centre = { x: Number(lines[0].getAttribute('x1')), y: Number(lines[0].getAttribute('y1')) };
  const ends = Object.fromEntries(lines.map((l) => [l.getAttribute('data-axis'), { x: Number(l.getAttribute('x2')), y: Number(l.getAttribute('y2')) }]));
  return { centre, ends };
}

/** Where `value` (0–100) lies on the axis from centre to end. */
function expected(centre: Point, end: Point, value: number): Point {
  return { x: centre.x + (end.x - centre.x) * (value / 100), y: centre.y + (end.y - centre.y) * (value / 100) };
}

describe('spiderChartSvg', () => {
  const svg = spiderChartSvg([{ name: 'Example Pay', values: VALUES }]);
  const doc = parse(svg);

  it('is well-formed SVG with an accessible name and a text description of the values', () => {
    expect(doc.querySelector('parsererror')).toBeNull();
    const root = doc.documentElement;
    expect(root.getAttribute('role')).toBe('img');
    expect(doc.querySelector('title')?.textContent).toBe('Focus area scores');
    expect(doc.querySelector('desc')?.textContent).toBe('Example Pay: Discovery 62, Decision making 44, Onboarding 71, Go-live 82, Maintenance 55, Community 33');
  });

  it('has six axes, one per focus area, of equal length and evenly spaced, the first pointing up', () => {
    const { centre, ends } = axes(doc);
    expect(Object.keys(ends)).toEqual([...FOCUS_AREAS]);
    const lengths = Object.values(ends).map((e) => Math.hypot(e.x - centre.x, e.y - centre.y));
    for (const l of lengths) expect(l).toBeCloseTo(lengths[0], 1);
    expect(ends.discovery.x).toBeCloseTo(centre.x, 5);
    expect(ends.discovery.y).toBeLessThan(centre.y);
    const angles = Object.values(ends).map((e) => Math.atan2(e.y - centre.y, e.x - centre.x));
    for (let i = 1; i < 6; i++) {
      const step = (angles[i] - angles[i - 1] + 2 * Math.PI) % (2 * Math.PI);
      expect(step).toBeCloseTo(Math.PI / 3, 2);
    }
  });

  it('labels every axis', () => {
    const labels = [...doc.querySelectorAll('text.axis-label')].map((t) => t.textContent);
    expect(labels).toEqual(['Discovery', 'Decision making', 'Onboarding', 'Go-live', 'Maintenance', 'Community']);
  });

  it('draws grid rings at 25, 50, 75 and 100, each vertex on its axis at that level', () => {
    const { centre, ends } = axes(doc);
    const rings = [...doc.querySelectorAll('polygon.ring')];
    expect(rings.map((r) => r.getAttribute('data-level'))).toEqual(['25', '50', '75', '100']);
    for (const ring of rings) {
      const level = Number(ring.getAttribute('data-level'));
      points(ring.getAttribute('points')).forEach((p, i) => {
        const e = expected(centre, ends[FOCUS_AREAS[i]], level);
        expect(p.x).toBeCloseTo(e.x, 1);
        expect(p.y).toBeCloseTo(e.y, 1);
      });
    }
    const ringLabels = [...doc.querySelectorAll('.ring-labels text')].map((t) => t.textContent);
    expect(ringLabels).toEqual(['25', '50', '75', '100']);
  });

  it('puts each polygon vertex where its value puts it on its axis', () => {
    const { centre, ends } = axes(doc);
    const vertices = points(doc.querySelector('polygon.series-shape')!.getAttribute('points'));
    expect(vertices).toHaveLength(6);
    FOCUS_AREAS.forEach((fa, i) => {
      const e = expected(centre, ends[fa], VALUES[fa]);
      expect(vertices[i].x).toBeCloseTo(e.x, 1);
      expect(vertices[i].y).toBeCloseTo(e.y, 1);
    });
  });

  it('writes each value as text next to its point', () => {
    const values = [...doc.querySelectorAll('text.value')].map((t) => [t.getAttribute('data-axis'), t.textContent]);
    expect(values).toEqual(FOCUS_AREAS.map((fa) => [fa, String(VALUES[fa])]));
  });

  it.each([
    [150, 100],
    [-5, 0],
    [Number.NaN, 0],
    [49.6, 49.6],
  ])('clamps %s to %s (0–100)', (input, shown) => {
    const d = parse(spiderChartSvg([{ name: 's', values: { ...VALUES, goLive: input } }]));
    const { centre, ends } = axes(d);
    const v = points(d.querySelector('polygon.series-shape')!.getAttribute('points'))[3];
    const e = expected(centre, ends.goLive, shown);
    expect(v.x).toBeCloseTo(e.x, 1);
    expect(v.y).toBeCloseTo(e.y, 1);
    expect(d.querySelector('text.value[data-axis="goLive"]')?.textContent).toBe(String(Math.round(shown)));
  });

  it('has no legend for a single series, and one entry per series when overlaid', () => {
    expect(doc.querySelector('.legend')).toBeNull();
    const series: SpiderSeries[] = [
      { name: 'Example Pay', values: VALUES },
      { name: 'Rival A', values: { ...VALUES, discovery: 90 } },
      { name: 'Rival B', values: { ...VALUES, community: 10 } },
    ];
    const d = parse(spiderChartSvg(series));
    expect([...d.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual(['Example Pay', 'Rival A', 'Rival B']);
    const shapes = [...d.querySelectorAll('polygon.series-shape')];
    expect(shapes).toHaveLength(3);
    // Series differ by more than colour: each has its own dash pattern.
    const dashes = shapes.map((s) => s.getAttribute('stroke-dasharray') ?? 'solid');
    expect(new Set(dashes).size).toBe(3);
    const { centre, ends } = axes(d);
    const rival = points(shapes[1].getAttribute('points'))[0];
    const e = expected(centre, ends.discovery, 90);
    expect(rival.x).toBeCloseTo(e.x, 1);
    expect(rival.y).toBeCloseTo(e.y, 1);
    expect(d.querySelectorAll('text.value')).toHaveLength(18);
  });

  it('plots a value that was not assessed (null) as a hollow marker with n/a, never as a 0', () => {
    const d = parse(spiderChartSvg([{ name: 's', values: { ...VALUES, goLive: null, community: null } }]));
    const { centre, ends } = axes(d);
    // The shape joins the four assessed axes only.
    const vertices = points(d.querySelector('polygon.series-shape')!.getAttribute('points'));
    expect(vertices).toHaveLength(4);
    for (const v of vertices) expect(Math.hypot(v.x - centre.x, v.y - centre.y)).toBeGreaterThan(10);
    expect([...d.querySelectorAll('text.value')].map((t) => t.getAttribute('data-axis'))).toEqual(['discovery', 'decisionMaking', 'onboarding', 'maintenance']);
    // The axes say n/a at their labels, are dashed, and carry a hollow marker on the axis (not on the centre).
    expect([...d.querySelectorAll('text.axis-label[data-assessed="false"]')].map((t) => t.textContent)).toEqual(['Go-live · n/a', 'Community · n/a']);
    expect(d.querySelector('line.axis[data-axis="goLive"]')!.getAttribute('stroke-dasharray')).not.toBeNull();
    expect(d.querySelector('line.axis[data-axis="discovery"]')!.getAttribute('stroke-dasharray')).toBeNull();
    const hollow = [...d.querySelectorAll('.hollow')];
    expect(hollow).toHaveLength(2);
    const cx = Number(hollow[0].getAttribute('cx'));
    const cy = Number(hollow[0].getAttribute('cy'));
    expect(Math.hypot(cx - centre.x, cy - centre.y)).toBeGreaterThan(5);
    // On the go-live axis: same direction as the axis end.
    const dir = Math.atan2(ends.goLive.y - centre.y, ends.goLive.x - centre.x);
    expect(Math.atan2(cy - centre.y, cx - centre.x)).toBeCloseTo(dir, 3);
    expect(d.querySelector('desc')!.textContent).toContain('Go-live not assessed');
  });

  it('writes n/a beside the hollow marker when other series have a value on that axis', () => {
    const d = parse(spiderChartSvg([
      { name: 'a', values: VALUES },
      { name: 'b', values: { ...VALUES, community: null } },
    ]));
    const na = [...d.querySelectorAll('text.value.not-assessed')];
    expect(na.map((t) => [t.getAttribute('data-axis'), t.textContent])).toEqual([['community', 'n/a']]);
    expect(d.querySelectorAll('text.axis-label[data-assessed="false"]')).toHaveLength(0);
  });

  it('draws a line for two assessed axes and no shape for fewer', () => {
    const only = (keep: string[]) =>
      Object.fromEntries(Object.entries(VALUES).map(([k, v]) => [k, keep.includes(k) ? v : null])) as Record<FocusAreaId, number | null>;
    const two = parse(spiderChartSvg([{ name: 's', values: only(['discovery', 'onboarding']) }]));
    expect(two.querySelector('polyline.series-shape')).not.toBeNull();
    const one = parse(spiderChartSvg([{ name: 's', values: only(['discovery']) }]));
    expect(one.querySelector('.series-shape')).toBeNull();
    expect(one.querySelectorAll('.marker:not(.hollow)')).toHaveLength(1);
  });

  it('escapes series names and labels', () => {
    const hostile = '<script>alert(1)</script>"&';
    const out = spiderChartSvg([{ name: hostile, values: VALUES }], { legend: true, title: hostile, labels: { discovery: hostile, decisionMaking: 'D', onboarding: 'O', goLive: 'G', maintenance: 'M', community: 'C' } });
    expect(out).not.toContain('<script>');
    const d = parse(out);
    expect(d.querySelector('parsererror')).toBeNull();
    expect(d.querySelectorAll('script')).toHaveLength(0);
    expect(d.querySelector('.legend text')?.textContent).toBe(hostile);
    expect(d.querySelector('title')?.textContent).toBe(hostile);
  });

  it('uses distinct ids when given a prefix, so two charts can share a page', () => {
    const a = parse(spiderChartSvg([{ name: 'a', values: VALUES }], { idPrefix: 'one' }));
    expect(a.documentElement.getAttribute('aria-labelledby')).toBe('one-title one-desc');
    expect(a.getElementById('one-title')).not.toBeNull();
  });
});
