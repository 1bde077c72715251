import {
  CatalogDocument,
  ClusterGridDocument,
  DataCentrePueDocument,
  InputRevisionsDocument,
  JurisdictionDocument,
  ShutdownScreenDocument,
  type CatalogQuery,
  type ClusterGridQuery,
  type InputRevisionsQuery,
  type JurisdictionQuery,
  type ShutdownScreenQuery,
} from '../client/generated/graphql.ts';
import { gridReader, type GridValue } from '../client/grid.ts';
import { OperationError, request, type Transport } from '../client/request.ts';

export const BASELINE_YEAR = 2020;
/** Cells asked for in one request, well under the API's GRID_TOO_LARGE limit. */
const MAX_CELLS = 10_000;

export type Indicator = NonNullable<CatalogQuery['indicators']>[number];
export type Value = GridValue;
export type ClusterValue = NonNullable<ClusterGridQuery['clusterIndicatorValues']>[number];
export type Jurisdiction = NonNullable<JurisdictionQuery['region']>;
export type Cluster = NonNullable<JurisdictionQuery['dataCenterClusters']>[number];

/** Everything a report shows, as the public API answered it at one instant. */
export interface ReportData {
  year: number;
  asOf: string;
  catalog: Indicator[];
  jurisdiction: Jurisdiction;
  clusters: Cluster[];
  /** The jurisdiction's values, 2020 to the report's year. */
  series: Value[];
  /** Its districts' values in the report's year. */
  districts: Value[];
  /** Its clusters' and zones' values in the report's year. */
  clusterValues: ClusterValue[];
  /** Every input the jurisdiction's values read, with its owner and latest revision, per indicator and year. */
  inputRevisions: NonNullable<InputRevisionsQuery['indicatorValues']>;
  /** Each data centre's PUE in the report's year (unnamed), or null with the reason when the caller may not read them. */
  pue: { values: (number | null)[] | null; withheld: string | null };
  /** The shutdown screen, or null with the reason when the caller may not read it. */
  shutdown: { screen: NonNullable<ShutdownScreenQuery['dataCenterShutdownCandidates']> | null; withheld: string | null };
}

export interface GatherOptions {
  transport: Transport;
  region: string;
  year: number;
  asOf: string;
  /** Called after each step, for the progress bar. */
  step?: (label: string) => void;
}

/** The operations a report runs, in order (the progress bar's length). */
export const GATHER_STEPS = 7;

const unknownJurisdiction = (region: string) =>
  new OperationError('UNKNOWN_REGION', `Unknown region "${region}": the federation's code list has no region with this code.`, 200);

export async function gatherReportData({ transport, region, year, asOf, step = () => {} }: GatherOptions): Promise<ReportData> {
  const years = Array.from({ length: Math.max(1, year - BASELINE_YEAR + 1) }, (_, i) => Math.min(BASELINE_YEAR, year) + i);
  const catalog = (await request(transport, CatalogDocument, {})).indicators ?? [];
  step('catalog');
  const where = await request(transport, JurisdictionDocument, { code: region }).catch((error: unknown) => {
    // `dataCenterClusters(province:)` refuses an unknown code before `region` can answer null: say it of the region asked for.
    throw error instanceof OperationError && error.code === 'UNKNOWN_REGION' ? unknownJurisdiction(region) : error;
  });
  if (!where.region) throw unknownJurisdiction(region);
  step('jurisdiction');
  const readGrid = gridReader(transport);
  const series = await readGrid({ regions: [region], years, asOf });
  step('indicator series');
  const children = where.region.children.map((c) => c.code);
  // The API serves at most 20,000 cells a request (GRID_TOO_LARGE): a larger world's districts go in slices, each with
  // the report's year and its plan period's baseline year (which progress is read against).
  const perRequest = Math.max(1, Math.floor(MAX_CELLS / Math.max(1, 2 * catalog.length)));
  const districts: Value[] = [];
  for (let i = 0; i < children.length; i += perRequest) {
    districts.push(...(await readGrid({ regions: children.slice(i, i + perRequest), years: [year], asOf })));
  }
  step('districts');
  const clusters = where.dataCenterClusters ?? [];
  const ids = clusters.flatMap((c) => [c.id, ...c.zones.map((z) => z.id)]);
  const clusterValues = ids.length
    ? ((await request(transport, ClusterGridDocument, { clusters: ids, years: [year], asOf })).clusterIndicatorValues ?? [])
    : [];
  const shutdownAnswer = await unitLevel(() => request(transport, ShutdownScreenDocument, { region, year, asOf }));
  const shutdown = { screen: shutdownAnswer.data?.dataCenterShutdownCandidates ?? null, withheld: shutdownAnswer.withheld };
  step('clusters and shutdown screen');
  const inputRevisions = (await request(transport, InputRevisionsDocument, { regions: [region], years, asOf })).indicatorValues ?? [];
  step('input revisions');
  const pueAnswer = await unitLevel(() => request(transport, DataCentrePueDocument, { region, year, asOf }));
  const pue = {
    values: pueAnswer.data ? (pueAnswer.data.indicatorValues?.[0]?.dataCenterPopulation?.dataCenters.map((d) => d.pue) ?? []) : null,
    withheld: pueAnswer.withheld,
  };
  step('data-centre PUE');
  return { year, asOf, catalog, jurisdiction: where.region, clusters, series, districts, clusterValues, inputRevisions, pue, shutdown };
}

/** Runs an operation that reads unit-level fields: a caller without the right gets the rest of the report, and the reason. */
async function unitLevel<T>(run: () => Promise<T>): Promise<{ data: T | null; withheld: string | null }> {
  try {
    return { data: await run(), withheld: null };
  } catch (error) {
    if (!(error instanceof OperationError) || (error.code !== 'FORBIDDEN' && error.code !== 'UNAUTHENTICATED')) throw error;
    return { data: null, withheld: error.message };
  }
}
