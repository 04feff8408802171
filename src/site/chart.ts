/**
 * The statistics charts, drawn once at build time as SVG with Observable Plot
 * (ISC) on a linkedom document: no script and nothing loaded by the browser.
 * Each SVG carries a Chinese <title> and <desc> for screen readers. The heat
 * maps are HTML tables (components/HeatMap.astro) coloured from here.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

const FONT = 'system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
const RED = '#b3261e';
/** Heat map colours, lightest to darkest (sRGB). */
const HEAT: [number, number, number][] = [
  [0xfd, 0xec, 0xea],
  [0x8a, 0x14, 0x10],
];

/** A month without entries: neutral grey, apart from every red. */
const EMPTY: [number, number, number] = [0xf3, 0xf3, 0xf3];

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

const hex = (rgb: [number, number, number]) =>
  `#${rgb.map((value) => Math.round(value).toString(16).padStart(2, '0')).join('')}`;

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
function finish(
  svg: SVGSVGElement | HTMLElement,
  document: Document,
  id: string,
  { title, description }: Described,
): string {
  const titleNode = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleNode.setAttribute('id', `${id}-title`);
  titleNode.textContent = title;
  const descNode = document.createElementNS('http://www.w3.org/2000/svg', 'desc');
  descNode.setAttribute('id', `${id}-desc`);
  descNode.textContent = description;
  // Plot names its marks in English (aria-label="bar", "x-axis tick"); the chart is one image, named in Chinese.
  for (const node of svg.querySelectorAll('[aria-label], [aria-description]')) {
    node.removeAttribute('aria-label');
    node.removeAttribute('aria-description');
  }
  svg.insertBefore(descNode, svg.firstChild);
  svg.insertBefore(titleNode, svg.firstChild);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-desc`);
  svg.setAttribute('id', id);
  return svg.outerHTML;
}

/** One bar: a year or a month and the entries adopted in it. */
export interface Bar {
  label: string;
  count: number;
}

/**
 * Horizontal bars, one per year (or month), in the order given (the newest
 * year first): a row per bar fits a phone's width however many years there
 * are. 360 px wide, shrunk (never below 0.9 × on a 390 px screen) rather than
 * scrolled. The counts are in 篇, as the caption says.
 */
export function totalsChart(bars: readonly Bar[], unit: '年' | '月', id: string): string {
  const document = newDocument();
  const data = [...bars];
  const svg = Plot.plot({
    document,
    width: 360,
    height: 40 + Math.max(1, data.length) * 24,
    marginLeft: 64,
    marginRight: 40,
    marginTop: 28,
    marginBottom: 12,
    style: { fontFamily: FONT, fontSize: '12px', background: 'transparent' },
    y: { type: 'band', label: null, domain: data.map((bar) => bar.label), padding: 0.2 },
    x: { label: null, axis: 'top', grid: true, nice: true },
    marks: [
      Plot.barX(data, { y: 'label', x: 'count', fill: RED }),
      Plot.text(data, {
        y: 'label',
        x: 'count',
        text: (bar: Bar) => String(bar.count),
        dx: 4,
        textAnchor: 'start',
        fill: 'currentColor',
      }),
      Plot.ruleX([0]),
    ],
  });
  const busiest = [...data].sort((a, b) => b.count - a.count)[0];
  const total = data.reduce((sum, bar) => sum + bar.count, 0);
  return finish(svg, document, id, {
    title: `各${unit}采用稿件数`,
    description: `条形图：${data.map((bar) => `${bar.label}${bar.count}篇`).join('，')}。共${total}篇${busiest && busiest.count > 0 ? `，最多的是${busiest.label}` : ''}。`,
  });
}

/**
 * A heat map cell's colours: darker red for more entries (`most` the
 * largest count of the map), its number in black or white, whichever reads
 * better. The cells are table cells that print their number: the colour
 * only adds to it.
 */
export function heatStyle(count: number, most: number): string {
  if (count <= 0 || most <= 0) return `background-color:${hex(EMPTY)};color:#000000`;
  // The fewest entries a step darker than the lightest red, so that 3 among 120 still shows it is not 0.
  const fill = heatColour(0.15 + (0.85 * count) / most);
  return `background-color:${hex(fill)};color:${textOn(fill)}`;
}
