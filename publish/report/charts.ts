import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Indicator } from './data.ts';

export type ChartSpec = TopLevelSpec;

const WIDTH = 420;
const HEIGHT = 180;
// System fonts only: nothing is fetched, and the SVG reads the same in a browser and in a PDF.
const config = { font: 'Helvetica, Arial, "Noto Sans CJK SC", sans-serif', view: { stroke: null } } as const;

/**
 * An indicator over the years in display units, with its target (stored units) as a dashed rule.
 *
 * The x axis is time: it holds every year from the first asked to the last, evenly spaced, whether or not the year has
 * a value, so a two-year step never reads as one. A year without a value (null: missing, confidential, embargoed)
 * breaks the line there; it is neither joined across nor drawn as zero.
 */
export function timeSeries(
  indicator: Indicator,
  points: { year: number; value: number | null }[],
  storedTarget: number | null,
  title = indicator.nameEn,
): ChartSpec {
  const target = storedTarget === null ? null : storedTarget * indicator.displayFactor;
  const y = { field: 'value', type: 'quantitative' as const, title: indicator.unit, scale: { zero: false }, axis: { format: `,.${indicator.decimals}f` } };
  return {
    width: WIDTH,
    height: HEIGHT,
    config,
    title: { text: title, fontSize: 12 },
    layer: [
      {
        data: { values: points },
        // Null values stay in the data and break the path; the points are drawn for values only.
        mark: { type: 'line', point: true, invalid: 'break-paths-show-domains' },
        encoding: { x: { field: 'year', type: 'ordinal', title: null, scale: { domain: yearSpan(points) }, axis: { labelAngle: 0 } }, y },
      },
      ...(target === null
        ? []
        : [
            {
              data: { values: [{ target }] },
              mark: { type: 'rule' as const, strokeDash: [4, 3], color: '#c0392b' },
              encoding: { y: { field: 'target', type: 'quantitative' as const } },
            },
          ]),
    ],
  };
}

/** Every year from the earliest to the latest of the points, in order: a time axis's domain. */
function yearSpan(points: { year: number }[]): number[] {
  if (points.length === 0) return [];
  const years = points.map((p) => p.year);
  const first = Math.min(...years);
  return Array.from({ length: Math.max(...years) - first + 1 }, (_, k) => first + k);
}

/** One bar per district, best first. */
export function districtBars(indicator: Indicator, bars: { district: string; value: number }[]): ChartSpec {
  const order = indicator.direction === 'LOWER_IS_BETTER' ? 'ascending' : 'descending';
  return {
    width: WIDTH,
    config,
    title: { text: indicator.nameEn, fontSize: 12 },
    data: { values: bars },
    mark: 'bar',
    encoding: {
      y: { field: 'district', type: 'nominal', sort: { field: 'value', order }, title: null },
      x: { field: 'value', type: 'quantitative', title: indicator.unit, axis: { format: `,.${indicator.decimals}f` } },
    },
  };
}

/** Data centres per PUE band, in the bands' order: a distribution without naming a unit. */
export function pueDistribution(bands: { band: string; count: number }[], title: string): ChartSpec {
  return {
    width: WIDTH,
    height: HEIGHT,
    config,
    title: { text: title, fontSize: 12 },
    data: { values: bands },
    mark: 'bar',
    encoding: {
      x: { field: 'band', type: 'ordinal', sort: bands.map((b) => b.band), title: 'PUE', axis: { labelAngle: 0 } },
      y: { field: 'count', type: 'quantitative', title: 'data centres', axis: { format: 'd', tickMinStep: 1 } },
    },
  };
}

/** Renders a Vega-Lite spec to SVG text, on the server, with no network. */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
