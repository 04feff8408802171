/**
 * The statistics charts, drawn once at build time as SVG with Observable Plot
 * (ISC) on a linkedom document: no script and nothing loaded by the browser.
 * Each SVG carries a Chinese <title> and <desc> for screen readers.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { Stats } from '../core/index.ts';
import { monthLabel, periodLabel } from './labels.ts';

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const RED = '#b3261e';
/** Heat map colours, lightest to darkest (sRGB). */
const HEAT: [number, number, number][] = [
  [0xfd, 0xec, 0xea],
  [0x8a, 0x14, 0x10],
];

/** The heat colour at `t` (0–1), as Plot's linear scale mixes it (in sRGB). */
function heatColour(t: number): [number, number, number] {
  const [from, to] = HEAT as [[number, number, number], [number, number, number]];
  return [0, 1, 2].map((i) => from[i]! + t * (to[i]! - from[i]!)) as [number, number, number];
}

/** Black or white, whichever contrasts more with the colour (WCAG relative luminance; both give ≥ 4.58:1). */
function textOn([r, g, b]: [number, number, number]): string {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  return luminance < 0.179 ? '#ffffff' : '#000000';
}

const hex = (rgb: [number, number, number]) => `#${rgb.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;

interface Described {
  /** Short name, the SVG <title>. */
  title: string;
  /** What the chart shows, the SVG <desc>. */
  description: string;
}

function newDocument(): Document {
  return parseHTML('<!doctype html><html lang="zh-CN"><body></body></html>').document;
}

/** Name the chart for assistive technology and return it as markup. */
function finish(svg: SVGSVGElement | HTMLElement, document: Document, id: string, { title, description }: Described): string {
  const titleNode = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleNode.setAttribute('id', `${id}-title`);
  titleNode.textContent = title;
  const descNode = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  descNode.setAttribute('id', `${id}-desc`);
  descNode.textContent = description;
  svg.insertBefore(descNode, svg.firstChild);
  svg.insertBefore(titleNode, svg.firstChild);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-desc`);
  svg.setAttribute('id', id);
  return svg.outerHTML;
}

/** Bars: entries adopted in each period, all units together. */
export function periodTotalsChart(stats: Stats, id = 'chart-periods'): string {
  const document = newDocument();
  const data = stats.periods.map((period) => ({ period: periodLabel(stats.period, period), count: stats.totals[period] ?? 0 }));
  const width = Math.max(360, 60 + data.length * 44);
  const svg = Plot.plot({
    document,
    width,
    height: 260,
    marginLeft: 48,
    marginBottom: 56,
    style: { fontFamily: FONT, fontSize: '12px', background: 'transparent' },
    x: { type: 'band', label: null, domain: data.map((item) => item.period), tickRotate: data.length > 8 ? -40 : 0 },
    y: { label: '稿件数（篇）', grid: true, nice: true },
    marks: [
      Plot.barY(data, { x: 'period', y: 'count', fill: RED }),
      Plot.text(data, { x: 'period', y: 'count', text: (item: { count: number }) => String(item.count), dy: -8, fill: 'currentColor' }),
      Plot.ruleY([0]),
    ],
  });
  const busiest = [...data].sort((a, b) => b.count - a.count)[0];
  return finish(svg, document, id, {
    title: `各${stats.period === 'month' ? '月' : '年'}采用稿件数`,
    description: `柱状图：${data.map((item) => `${item.period}${item.count}篇`).join('，')}。共${stats.total}篇${busiest ? `，最多的是${busiest.period}` : ''}。`,
  });
}

/** Heat map: one row per unit, one column per period, darker red for more entries. */
export function unitPeriodChart(stats: Stats, id = 'chart-units'): string {
  const document = newDocument();
  const data = stats.rows.flatMap((row) =>
    stats.periods.map((period) => ({ unit: row.unitName, period: periodLabel(stats.period, period), count: row.counts[period] ?? 0 })),
  );
  const most = Math.max(1, ...data.map((item) => item.count));
  const longest = Math.max(4, ...stats.rows.map((row) => [...row.unitName].length));
  const marginLeft = 16 + longest * 13;
  const cell = 40;
  const svg = Plot.plot({
    document,
    width: marginLeft + Math.max(4, stats.periods.length) * cell + 48,
    height: 70 + Math.max(1, stats.rows.length) * 26,
    marginLeft,
    marginTop: 64,
    marginRight: 48,
    style: { fontFamily: FONT, fontSize: '12px', background: 'transparent' },
    x: { type: 'band', axis: 'top', label: null, domain: stats.periods.map((period) => periodLabel(stats.period, period)), tickRotate: -40 },
    y: { type: 'band', label: null, domain: stats.rows.map((row) => row.unitName) },
    color: { type: 'linear', range: HEAT.map(hex), domain: [0, most] },
    marks: [
      Plot.cell(data, { x: 'period', y: 'unit', fill: 'count', inset: 1 }),
      Plot.text(
        data.filter((item) => item.count > 0),
        { x: 'period', y: 'unit', text: (item: { count: number }) => String(item.count), fill: (item: { count: number }) => textOn(heatColour(item.count / most)) },
      ),
    ],
  });
  const top = [...stats.rows].sort((a, b) => b.total - a.total).slice(0, 3);
  return finish(svg, document, id, {
    title: `各单位各${stats.period === 'month' ? '月' : '年'}采用稿件数`,
    description: `热力图：${stats.rows.length}个单位、${stats.periods.length}个${stats.period === 'month' ? '月' : '年'}（${stats.periods.length ? `${monthLabel(stats.periods[0]!)}至${monthLabel(stats.periods.at(-1)!)}` : '无'}），颜色越深采用越多。采用最多的单位：${top.map((row) => `${row.unitName}${row.total}篇`).join('，')}。详细数字见下表。`,
  });
}
