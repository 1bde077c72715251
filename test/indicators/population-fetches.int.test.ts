import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixtures } from './fixtures.ts';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';
import { representationsBy, startRecordingGateway, type RecordingGateway } from '../support/wire.ts';

// Core machine rooms and enterprises come on their own per-value entities (`CoreMachineRoomPopulation`,
// `EnterprisePopulation`), referred to only by values of indicators over them: energy, which sums its kWh and tce over
// them, is asked about those values alone, not about every value that reads comms' or econ's region facts.

const REGIONS = ['500000', '500101', '500112', '310000'];
const YEARS = [2023, 2024, 2025];
const CELLS_PER_INDICATOR = REGIONS.length * YEARS.length;
/** Counts of econ's region facts: none is over enterprises. */
const ECON_COUNTS = ['SCENARIO_INDUSTRY_COUNT', 'SCENARIO_RESIDENT_COUNT', 'SCENARIO_URBAN_RURAL_COUNT', 'GREEN_STANDARDS_COUNT'];
/** Indicators of comms' region facts (two with energy's facts beside them): none is over core machine rooms. */
const COMMS_FACTS = ['ICT_TRAFFIC_ENERGY_DECREASE', 'ICT_BUSINESS_ENERGY_DECREASE', 'NEW_5G_SITE_SHARING_RATE', 'BS_5G_EFFICIENCY_GAIN'];

let fed: TestFederation;
let recording: RecordingGateway;

beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  recording = await startRecordingGateway(fed);
});

afterAll(async () => {
  await recording?.stop();
  await fed?.stop();
});

/** A grid through the recording gateway: the same answers as the ordinary one, and what each subgraph received for it. */
async function grid(codes: string[]) {
  const query = `{ indicatorValues(codes: ${JSON.stringify(codes)}, regions: ${JSON.stringify(REGIONS)}, years: ${JSON.stringify(YEARS)}) {
    indicatorCode scopeId year value status inputs { value units } coverage { unitsReporting status } missing { metric } } }`;
  const from = recording.wire.length;
  const recorded = await postGraphQL<{ indicatorValues: { indicatorCode: string; value: number | null }[] }>(recording.url, query);
  expect(recorded.errors).toBeUndefined();
  const direct = await fed.query(query);
  expect(recorded.data).toEqual(direct.data);
  expect(recorded.data!.indicatorValues).toHaveLength(codes.length * CELLS_PER_INDICATOR);
  const wire = recording.wire.slice(from);
  return { values: recorded.data!.indicatorValues, received: (subgraph: string) => representationsBy(wire, subgraph) };
}

describe('listed unit populations on the wire', () => {
  it('asks energy nothing about values that count econ facts and have no enterprise population', async () => {
    const { values, received } = await grid(ECON_COUNTS);
    expect(values.some((v) => v.value !== null)).toBe(true);
    // econ answers each value's facts once; energy, which reads none of them, is not asked at all.
    expect(received('econ')).toEqual({ EconIndicatorInputs: ECON_COUNTS.length * CELLS_PER_INDICATOR });
    expect(received('energy')).toEqual({});
  });

  it('asks energy for its totals over enterprises only for the values over enterprises', async () => {
    const { values, received } = await grid([...ECON_COUNTS, 'ENERGY_AUDIT_COVERAGE']);
    expect(values.some((v) => v.indicatorCode === 'ENERGY_AUDIT_COVERAGE' && v.value !== null)).toBe(true);
    const energy = received('energy');
    expect(energy.EnterprisePopulation).toBe(CELLS_PER_INDICATOR);
    expect(energy.EconIndicatorInputs).toBeUndefined();
    // econ lists the enterprises of those values, and answers the counts' facts, each value once.
    expect(received('econ')).toMatchObject({ EnterprisePopulation: CELLS_PER_INDICATOR, EconIndicatorInputs: ECON_COUNTS.length * CELLS_PER_INDICATOR });
  });

  it('asks energy for its totals over core machine rooms only for the CORE_ROOM_PUE values of a grid mixing it with comms facts', async () => {
    const { values, received } = await grid(['CORE_ROOM_PUE', ...COMMS_FACTS]);
    expect(values.some((v) => v.indicatorCode === 'CORE_ROOM_PUE' && v.value !== null)).toBe(true);
    const energy = received('energy');
    expect(energy.CoreMachineRoomPopulation).toBe(CELLS_PER_INDICATOR);
    expect(energy.CommsIndicatorInputs).toBeUndefined();
    // comms lists the rooms of the CORE_ROOM_PUE values (which read none of its facts) and answers the others' facts.
    expect(received('comms')).toMatchObject({ CoreMachineRoomPopulation: CELLS_PER_INDICATOR, CommsIndicatorInputs: COMMS_FACTS.length * CELLS_PER_INDICATOR });
  });
});
