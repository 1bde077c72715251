import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, type DemoWorld } from '../../db/demo/world.ts';
import { postGraphQL, startTestFederation, type TestFederation } from '../support/federation.ts';

let fed: TestFederation;
let world: DemoWorld;
const econ = <T>(query: string) => postGraphQL<T>(fed.subgraphs.econ.url, query);

beforeAll(async () => {
  world = buildWorld();
  fed = await startTestFederation({ agencies: ['econ'], world });
});

afterAll(async () => {
  await fed?.stop();
});

type EnterprisePage = {
  enterprises: { totalCount: number; nodes: { uscc: string; y2023: { audited: boolean; diagnosed: boolean; hasEnergyManagementCentre: boolean } }[] };
};

describe('econ demo data (smoke)', () => {
  it('registers every enterprise of the world, data-centre operators included', async () => {
    const response = await econ<EnterprisePage>(
      `{ enterprises(first: 500) { totalCount nodes { uscc y2023: year(year: 2023) { audited diagnosed hasEnergyManagementCentre } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const registered = new Set(response.data!.enterprises.nodes.map((n) => n.uscc));
    expect(response.data!.enterprises.totalCount).toBe(world.enterprises.length);
    for (const dc of world.dataCenters) expect(registered.has(dc.operatorUscc)).toBe(true);
  });

  it('covers most but not all enterprises of each tce band in 2023', async () => {
    const response = await econ<EnterprisePage>(
      `{ enterprises(first: 500) { nodes { uscc y2023: year(year: 2023) { audited diagnosed hasEnergyManagementCentre } } } }`,
    );
    const flags = new Map(response.data!.enterprises.nodes.map((n) => [n.uscc, n.y2023]));
    const share = (min: number, max: number, flag: 'audited' | 'diagnosed' | 'hasEnergyManagementCentre') => {
      const band = world.enterprises.filter((e) => e.profile.energyTce2020 >= min && e.profile.energyTce2020 < max);
      return band.filter((e) => flags.get(e.uscc)![flag]).length / band.length;
    };
    for (const value of [share(5000, Infinity, 'audited'), share(2000, 5000, 'diagnosed'), share(10000, Infinity, 'hasEnergyManagementCentre')]) {
      expect(value).toBeGreaterThan(0.5);
      expect(value).toBeLessThan(1);
    }
  });

  it('designates only data centres that exist in the world, and some of every kind', async () => {
    const response = await econ<{ designations: { kind: string; dataCenter: { id: string } | null; enterprise: { uscc: string } | null }[] }>(
      `{ designations { kind dataCenter { id } enterprise { uscc } } }`,
    );
    const ids = new Set(world.dataCenters.map((dc) => dc.id));
    const kinds = new Set(response.data!.designations.map((d) => d.kind));
    expect(kinds).toEqual(
      new Set(['ZERO_CARBON_FACTORY', 'ZERO_CARBON_PARK', 'ZERO_CARBON_DATA_CENTER', 'NATIONAL_GREEN_DATA_CENTER', 'WASTE_HEAT_DATA_CENTER']),
    );
    for (const d of response.data!.designations) if (d.dataCenter) expect(ids.has(d.dataCenter.id)).toBe(true);
  });

  it('publishes between 30 and 40 standards over 2022–2025 and keeps pilots in Shanghai', async () => {
    const response = await econ<{
      greenStandards: { publishedYear: number }[];
      carbonPeakPilots: { region: { code: string }; meetsMinimumDomains: boolean; stage: string }[];
    }>(`{ greenStandards { publishedYear } carbonPeakPilots { region { code } meetsMinimumDomains stage } }`);
    const { greenStandards, carbonPeakPilots } = response.data!;
    expect(greenStandards.length).toBeGreaterThanOrEqual(30);
    expect(greenStandards.length).toBeLessThanOrEqual(40);
    expect(greenStandards.every((s) => s.publishedYear >= 2022 && s.publishedYear <= 2025)).toBe(true);
    expect(carbonPeakPilots.length).toBeGreaterThan(0);
    expect(carbonPeakPilots.every((p) => p.region.code.startsWith('31'))).toBe(true);
    // A plan short of domains does not get past the district's pre-review.
    for (const p of carbonPeakPilots.filter((p) => !p.meetsMinimumDomains)) expect(['APPLICATION', 'DISTRICT_PRE_REVIEW']).toContain(p.stage);
  });
});
