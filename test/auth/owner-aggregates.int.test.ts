import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtures } from '../indicators/fixtures.ts';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';
import { startRecordingGateway, type Exchange, type RecordingGateway } from '../support/wire.ts';
import { ANONYMOUS_HEADERS } from '../support/tokens.ts';

// Data minimisation on the wire: a second gateway reaches the subgraphs through recording proxies (a subgraph sees only
// the caller's own token: the gateway has no credential of its own). An anonymous regional grid of every indicator
// over units must then be answered in full, and no request or response between gateway and subgraphs may carry a data
// centre's racks in use (comms), a data centre's or core room's kWh or an enterprise's tce (energy): only the owners'
// totals, counts and register ids.

/** Every unit-level field of comms and energy (data centres, core rooms, enterprises), as an entity field, a population column or a cube column. */
const UNIT_LEVEL_FIELDS = [
  'racksInUse',
  'totalEnergyKwh',
  'itEnergyKwh',
  'renewableEnergyKwh',
  'pue',
  'energyUseTce',
  'dataCenterRacksInUse',
  'dataCenterTotalEnergyKwh',
  'dataCenterItEnergyKwh',
  'dataCenterRenewableEnergyKwh',
];
/** Every indicator over units: data centres, core machine rooms and enterprises. */
const UNIT_INDICATORS = [
  ...['DC_PUE', 'NEW_DC_PUE', 'LARGE_DC_PUE', 'NEW_LARGE_DC_PUE', 'RETROFITTED_DC_PUE', 'DC_RACK_UTILISATION', 'DC_RENEWABLE_RATE', 'DC_CLUSTER_SHARE'],
  'CORE_ROOM_PUE',
  ...['ROOFTOP_PV_RATIO', 'ENERGY_AUDIT_COVERAGE', 'ENERGY_DIAGNOSIS_COVERAGE', 'ENERGY_MGMT_CENTRE_COVERAGE'],
];
const REGIONS = ['500000', '500101', '500112', '310000'];
const YEARS = [2023, 2024, 2025];

let fed: TestFederation;
let recording: RecordingGateway;
let wire: Exchange[];

beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  recording = await startRecordingGateway(fed);
  wire = recording.wire;
});

afterAll(async () => {
  await recording?.stop();
  await fed?.stop();
});

/** The unit-level fields named anywhere on the wire since `from`. */
const leaked = (from: number) =>
  wire
    .slice(from)
    .flatMap((x) =>
      UNIT_LEVEL_FIELDS.filter((f) => new RegExp(`\\b${f}\\b`).test(x.request) || new RegExp(`"${f}"`).test(x.response)).map(
        (field) => `${x.subgraph}: ${field}`,
      ),
    );

describe('owner-side aggregation on the wire', () => {
  it('answers an anonymous grid of the indicators over units without any unit-level figure crossing the gateway', async () => {
    const from = wire.length;
    const query = `{ indicatorValues(codes: ${JSON.stringify(UNIT_INDICATORS)}, regions: ${JSON.stringify(REGIONS)}, years: ${JSON.stringify(YEARS)}) {
      indicatorCode scopeId year value numerator denominator status confidentiality
      inputs { metric { code } year value units } coverage { unitsReporting unitsExpected share status }
      missing { metric agency year units unitIds message } qualityFlags { code message } } }`;
    const viaProxies = await postGraphQL<{ indicatorValues: unknown[] }>(recording.url, query, {}, ANONYMOUS_HEADERS);
    expect(viaProxies.errors).toBeUndefined();
    // The same answers as the ordinary gateway.
    const direct = await fed.query<{ indicatorValues: unknown[] }>(query, {}, ANONYMOUS_HEADERS);
    expect(viaProxies.data).toEqual(direct.data);
    expect(viaProxies.data!.indicatorValues).toHaveLength(UNIT_INDICATORS.length * REGIONS.length * YEARS.length);
    expect(wire.length).toBeGreaterThan(from);
    expect(leaked(from)).toEqual([]);
    // The owners were asked for their totals.
    expect(wire.slice(from).some((x) => x.subgraph === 'comms' && x.request.includes('commsSums'))).toBe(true);
    expect(wire.slice(from).some((x) => x.subgraph === 'energy' && x.request.includes('energySums'))).toBe(true);
    expect(wire.slice(from).some((x) => x.subgraph === 'energy' && x.request.includes('CoreMachineRoomPopulation'))).toBe(true);
    expect(wire.slice(from).some((x) => x.subgraph === 'energy' && x.request.includes('EnterprisePopulation'))).toBe(true);
  });

  it('answers the same grid as an anonymous cube alike', async () => {
    const from = wire.length;
    const query = `{ indicatorCube(codes: ${JSON.stringify(UNIT_INDICATORS)}, regions: ${JSON.stringify(REGIONS)}, years: ${JSON.stringify(YEARS)}) {
      indicatorCodes values numerators denominators statuses confidentiality coverageStatuses unitsReporting unitsExpected coverageShares } }`;
    const viaProxies = await postGraphQL<{ indicatorCube: unknown }>(recording.url, query, {}, ANONYMOUS_HEADERS);
    expect(viaProxies.errors).toBeUndefined();
    const direct = await fed.query<{ indicatorCube: unknown }>(query, {}, ANONYMOUS_HEADERS);
    expect(viaProxies.data).toEqual(direct.data);
    expect(leaked(from)).toEqual([]);
    expect(wire.slice(from).some((x) => x.subgraph === 'energy' && x.request.includes('dataCenterEnergySums'))).toBe(true);
    for (const sums of ['coreMachineRoomEnergySums', 'enterpriseEnergySums'])
      expect(
        wire.slice(from).some((x) => x.subgraph === 'energy' && x.request.includes(sums)),
        sums,
      ).toBe(true);
  });

  it('still serves unit-level figures to a caller whose own token may read them, and refuses an anonymous one', async () => {
    const query = `{ dataCenter(id: "C") { years(from: 2024, to: 2024) { totalEnergyKwh } } }`;
    const anonymous = await postGraphQL(recording.url, query, {}, ANONYMOUS_HEADERS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await postGraphQL<{ dataCenter: { years: { totalEnergyKwh: number | null }[] } }>(recording.url, query);
    expect(reader.errors).toBeUndefined();
    expect(reader.data!.dataCenter.years).toHaveLength(1);
  });
});
