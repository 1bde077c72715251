import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  CatalogDocument,
  JurisdictionDocument,
  JurisdictionsDocument,
  type CatalogQuery,
  type JurisdictionQuery,
  type JurisdictionsQuery,
} from '../../publish/client/generated/graphql.ts';
import { gridReader, type GridValue } from '../../publish/client/grid.ts';
import { formatValue, toDisplay } from '../../publish/format.ts';
import { request, transport } from './api.ts';
import { Chart } from './chart.tsx';
import { TileMap } from './tile-map.tsx';
import { TILE_LAYOUTS } from './tiles.ts';
import { LABELS, SCOPE_HELP, SCOPE_LABELS, type Lang } from './labels.ts';

type Indicator = NonNullable<CatalogQuery['indicators']>[number];
type Value = GridValue;
type Jurisdiction = NonNullable<JurisdictionsQuery['regions']>[number];

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const DEFAULT_INDICATORS = ['DC_RACK_UTILISATION', 'DC_PUE', 'NEW_LARGE_DC_PUE', 'DC_RENEWABLE_RATE', 'NEW_5G_SITE_SHARING_RATE'];
/** Shown first when the federation knows it (the seeds' own jurisdiction); otherwise the first the API lists. */
const PREFERRED_JURISDICTION = '500000';
/** The page's grids, read as the gateway's anonymous caller; the plan periods are asked for once. */
const readGrid = gridReader(transport);

/**
 * A cell's class and marks: attainment colours (only where the target binds the cell's scope: a target shown from
 * above as context is never met or failed); p / c for provisional and confidential figures; e for a value over the
 * units that reported when some did not (coverage PARTIAL: published above the indicator's minimum).
 */
function cellState(v: {
  value: number | null;
  meetsTarget: boolean | null;
  status: string | null;
  confidentiality: string;
  coverage?: { status: string } | null;
  target?: { binding: boolean; expected: boolean } | null;
}): { className: string; marks: string } {
  const judged = v.target?.binding === false ? null : v.meetsTarget;
  // Short of an expected value (预期值, indicative) is not a binding target missed: amber, not red.
  const short = v.target?.expected ? 'short' : 'unmet';
  const className = v.value == null ? 'missing' : judged === true ? 'met' : judged === false ? short : '';
  const marks =
    (v.status === 'PROVISIONAL' ? 'p' : '') +
    (v.confidentiality === 'CONFIDENTIAL' ? 'c' : '') +
    (v.value != null && v.coverage?.status === 'PARTIAL' ? 'e' : '');
  return { className, marks };
}

/**
 * The grid on screen, with the jurisdiction's districts, as the gateway's exports give it: the same figures, read the
 * same way (the exports run the public API). The Excel CSV carries the byte-order mark Excel needs for the Chinese names.
 */
const DOWNLOADS = [
  { id: 'csv', format: 'indicators.csv', label: 'CSV (Excel)', bom: true },
  { id: 'sdmx', format: 'indicators.sdmx.csv', label: 'SDMX-CSV', bom: false },
  { id: 'jsonstat', format: 'indicators.jsonstat.json', label: 'JSON-stat', bom: false },
] as const;

function exportHref(format: string, codes: readonly string[], regions: readonly string[], years: readonly number[], bom: boolean): string {
  const query = new URLSearchParams({ codes: codes.join(','), regions: regions.join(','), years: `${years[0]}-${years[years.length - 1]}` });
  if (bom) query.set('bom', 'true');
  return `/export/${format}?${query}`;
}

/** The tooltip's word on coverage: how many units reported, and their share of the population's weight. */
function coverageNote(coverage: Value['coverage'] | undefined): string {
  if (!coverage || coverage.status === 'COMPLETE' || coverage.share == null) return '';
  return `${coverage.unitsReporting} / ${coverage.unitsExpected} (${(coverage.share * 100).toFixed(1)} %)`;
}

/** A cell's tooltip: its coverage, and why a value is missing or withheld. */
const cellNote = (v: Value | undefined): string => [coverageNote(v?.coverage), ...(v?.missing.map((m) => m.message) ?? [])].filter(Boolean).join(' ');

export function App() {
  const [lang, setLang] = useState<Lang>('zh');
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>([]);
  const [jurisdiction, setJurisdiction] = useState<string | null>(null);
  const [from, setFrom] = useState(2020);
  const [to, setTo] = useState(2025);
  const [catalog, setCatalog] = useState<Indicator[]>([]);
  const [chosen, setChosen] = useState<string[]>(DEFAULT_INDICATORS);
  const [where, setWhere] = useState<JurisdictionQuery['region']>(null);
  const [values, setValues] = useState<Value[] | null>(null);
  const [compared, setCompared] = useState<Value[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapCode, setMapCode] = useState<string | null>(null);
  const t = (key: keyof typeof LABELS) => LABELS[key][lang];
  const name = (x: { nameZh: string; nameEn: string }) => (lang === 'zh' ? x.nameZh : x.nameEn);

  useEffect(() => {
    request(transport, CatalogDocument, {})
      .then((c) => setCatalog((c.indicators ?? []).filter((i) => i.levels.includes('REGION'))))
      .catch((e: Error) => setError(e.message));
    // The jurisdictions are the provinces whose districts the federation's code list holds, as the API lists them.
    request(transport, JurisdictionsDocument, {})
      .then((r) => {
        const listed = (r.regions ?? []).filter((p) => p.children.length > 0);
        setJurisdictions(listed);
        setJurisdiction((listed.find((p) => p.code === PREFERRED_JURISDICTION) ?? listed[0])?.code ?? null);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const codes = useMemo(() => catalog.filter((i) => chosen.includes(i.code)).map((i) => i.code), [catalog, chosen]);
  const years = useMemo(() => YEARS.filter((y) => y >= from && y <= to), [from, to]);

  useEffect(() => {
    if (jurisdiction === null || codes.length === 0 || years.length === 0) return;
    let current = true;
    setValues(null);
    setCompared(null);
    setError(null);
    (async () => {
      const place = (await request(transport, JurisdictionDocument, { code: jurisdiction })).region;
      const grid = await readGrid({ codes, regions: [jurisdiction], years });
      const districts = place?.children.map((c) => c.code) ?? [];
      const last = years[years.length - 1]!;
      const districtValues = districts.length ? await readGrid({ codes, regions: districts, years: [last] }) : null;
      if (!current) return;
      setWhere(place);
      setValues(grid);
      setCompared(districtValues);
    })().catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [jurisdiction, codes.join(','), years.join(',')]);

  const indicators = catalog.filter((i) => codes.includes(i.code));
  const layout = jurisdiction === null ? undefined : TILE_LAYOUTS[jurisdiction];
  const mapIndicator = indicators.find((i) => i.code === mapCode) ?? indicators[0];
  const cell = (code: string, year: number) => values?.find((v) => v.indicatorCode === code && v.year === year);
  const districtCells = useMemo(() => new Map((compared ?? []).map((v) => [`${v.indicatorCode} ${v.scopeId}`, v])), [compared]);
  const districtCell = (code: string, region: string) => districtCells.get(`${code} ${region}`);

  return (
    <>
      <header>
        <h1>{t('title')}</h1>
        <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </button>
      </header>
      <main>
        <div class="controls">
          <label>
            {t('jurisdiction')}
            <select id="jurisdiction" value={jurisdiction ?? ''} onChange={(e) => setJurisdiction(e.currentTarget.value)}>
              {jurisdictions.map((j) => (
                <option value={j.code}>{name(j)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('from')}
            <select id="from" value={from} onChange={(e) => setFrom(Number(e.currentTarget.value))}>
              {YEARS.map((y) => (
                <option value={y}>{y}</option>
              ))}
            </select>
          </label>
          <label>
            {t('to')}
            <select id="to" value={to} onChange={(e) => setTo(Number(e.currentTarget.value))}>
              {YEARS.map((y) => (
                <option value={y}>{y}</option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{t('indicators')}</legend>
            {catalog.map((i) => (
              <label>
                <input
                  type="checkbox"
                  value={i.code}
                  checked={chosen.includes(i.code)}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, i.code] : chosen.filter((c) => c !== i.code))}
                />
                {name(i)}
              </label>
            ))}
          </fieldset>
        </div>
        {error && <p class="error">{error}</p>}
        <section>
          <h2>
            {t('grid')}: {where ? name(where) : ''}
          </h2>
          {!values ? (
            <p>{t('loading')}</p>
          ) : (
            <table id="grid">
              <thead>
                <tr>
                  <th>{t('indicators')}</th>
                  {years.map((y) => (
                    <th>{y}</th>
                  ))}
                  <th>{t('target')}</th>
                  <th>{t('scope')}</th>
                  <th>
                    {t('progress')} {years[years.length - 1]}
                  </th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((i) => {
                  const target = years.map((y) => cell(i.code, y)?.target).find((x) => x);
                  const progress = cell(i.code, years[years.length - 1]!)?.progress;
                  return (
                    <tr data-indicator={i.code}>
                      <td>
                        {name(i)} ({i.unit})
                      </td>
                      {years.map((y) => {
                        const v = cell(i.code, y);
                        const state = v ? cellState(v) : { className: 'missing', marks: '' };
                        return (
                          <td class={state.className} data-year={y} title={cellNote(v)}>
                            {formatValue(v?.value, i)}
                            {state.marks && <sup class="mark">{state.marks}</sup>}
                          </td>
                        );
                      })}
                      <td class="target">
                        {target ? `${target.symbol} ${formatValue(target.value, i)} (${target.year})` : '—'}
                        {target && !target.binding && <span class="nonbinding"> {t('nonBinding')}</span>}
                        {target?.binding && target.expected && <span class="nonbinding"> {t('expected')}</span>}
                      </td>
                      <td class="scope" title={target ? t(SCOPE_HELP[target.scope]) : ''}>
                        {target ? t(SCOPE_LABELS[target.scope]) : '—'}
                      </td>
                      <td class="progress">{progress == null ? '—' : `${(progress * 100).toFixed(0)} %`}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <p class="legend">{t('legend')}</p>
          {where && (
            <p class="downloads">
              {t('download')}:{' '}
              {DOWNLOADS.map(({ id, format, label, bom }) => (
                <a id={`download-${id}`} href={exportHref(format, codes, [where.code, ...where.children.map((c) => c.code)], years, bom)} download>
                  {label}
                </a>
              ))}
            </p>
          )}
        </section>
        <section>
          <h2>{t('charts')}</h2>
          <div class="charts">
            {values &&
              indicators.map((i) => {
                const points = years.map((y) => ({ year: y, value: toDisplay(cell(i.code, y)?.value, i) }));
                const target = years.map((y) => cell(i.code, y)?.target).find((x) => x);
                return points.some((p) => p.value !== null) ? (
                  <Chart id={`chart-${i.code}`} indicator={i} title={name(i)} points={points} target={target?.value ?? null} />
                ) : null;
              })}
          </div>
        </section>
        <section>
          <h2>
            {t('districts')} {years[years.length - 1]}
          </h2>
          {compared && where && (
            <table id="districts">
              <thead>
                <tr>
                  <th>{t('district')}</th>
                  {indicators.map((i) => (
                    <th>{name(i)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {where.children.map((district) => (
                  <tr data-region={district.code}>
                    <td>{name(district)}</td>
                    {indicators.map((i) => {
                      const v = districtCell(i.code, district.code);
                      const state = v ? cellState(v) : { className: 'missing', marks: '' };
                      return (
                        <td class={state.className} title={cellNote(v)}>
                          {formatValue(v?.value, i)}
                          {state.marks && <sup class="mark">{state.marks}</sup>}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section>
          <h2>
            {t('map')} {years[years.length - 1]}
          </h2>
          {!layout ? (
            <p>{t('noMap')}</p>
          ) : (
            compared &&
            where &&
            mapIndicator && (
              <>
                <label>
                  {t('indicators')}{' '}
                  <select id="map-indicator" value={mapIndicator.code} onChange={(e) => setMapCode(e.currentTarget.value)}>
                    {indicators.map((i) => (
                      <option value={i.code}>{name(i)}</option>
                    ))}
                  </select>
                </label>
                <TileMap
                  cell={(region) => districtCell(mapIndicator.code, region)}
                  indicator={mapIndicator}
                  layout={layout}
                  names={new Map(where.children.map((c) => [c.code, name(c)]))}
                  cellState={cellState}
                />
                <p class="legend">{t('mapNote')}</p>
              </>
            )
          )}
        </section>
      </main>
    </>
  );
}
