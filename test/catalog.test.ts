import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kind, parse, type ObjectTypeDefinitionNode } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogError, howToWrite, loadCatalog } from '../lib/indicators/catalog.ts';
import { indicatorValueRequires } from '../lib/indicators/requires.ts';
import { metricTable } from '../lib/observations.ts';
import { commsMetrics } from '../subgraphs/comms/metrics.ts';
import { readSupergraph } from '../gateway/supergraph.ts';

// The codes listed in ../shared/DOMAIN.md, typed out from that table.
const DOMAIN_CODES = [
  'ICT_TRAFFIC_ENERGY_DECREASE',
  'ICT_BUSINESS_ENERGY_DECREASE',
  'NEW_5G_SITE_SHARING_RATE',
  'NEW_TOWER_SHARING_RATE',
  'NEW_5G_SITE_UTILISATION',
  'NEW_LARGE_DC_PUE',
  'CORE_ROOM_PUE',
  'BS_5G_EFFICIENCY_GAIN',
  'DC_RACK_UTILISATION',
  'DC_CLUSTER_SHARE',
  'NATIONAL_GREEN_DC_COUNT',
  'DC_RENEWABLE_RATE',
  'SCENARIO_INDUSTRY_COUNT',
  'SCENARIO_RESIDENT_COUNT',
  'SCENARIO_URBAN_RURAL_COUNT',
  'GREEN_STANDARDS_COUNT',
  'ROOFTOP_PV_RATIO',
  'NEW_PV_CAPACITY',
  'ENERGY_AUDIT_COVERAGE',
  'ENERGY_DIAGNOSIS_COVERAGE',
  'ENERGY_MGMT_CENTRE_COVERAGE',
  'ZERO_CARBON_FACTORY_COUNT',
  'ZERO_CARBON_PARK_COUNT',
  'ZERO_CARBON_DC_COUNT',
  'WASTE_HEAT_DC_COUNT',
  'DC_RACKS_RETIRED',
];

describe('the indicator catalog', () => {
  it('has every indicator of DOMAIN.md under its code', () => {
    const codes = [...loadCatalog().indicators.keys()];
    expect(codes).toEqual(expect.arrayContaining(DOMAIN_CODES));
  });

  it('only uses metrics owned by subgraphs that are in the composed supergraph', () => {
    const graphs = [...readSupergraph().matchAll(/@join__graph\(name: "(\w+)"/g)].map((m) => m[1]!);
    const { metrics } = loadCatalog(undefined, graphs);
    for (const metric of metrics.values()) expect(graphs).toContain(metric.owner);
  });

  it('marks a unit metric `unitLevel` exactly when its owner marks the field @unitLevel', () => {
    // The unit-year types the indicator engine reads unit metrics from, in the owner's subgraph.
    const unitType = { DATA_CENTER: 'DataCenterPopulation', CORE_ROOM: 'CoreMachineRoomYear', ENTERPRISE: 'EnterpriseYear' } as const;
    const checked: string[] = [];
    for (const metric of loadCatalog().metrics.values()) {
      // Metrics that feed another have no field of their own: their owner adds them into it.
      if (metric.subject === 'REGION' || metric.feeds !== undefined) continue;
      const sdl = parse(readFileSync(path.join('subgraphs', metric.owner, 'schema.graphql'), 'utf8'));
      const typeName = unitType[metric.subject];
      const type = sdl.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === typeName);
      const field = type?.fields?.find((f) => f.name.value === metric.field);
      expect(field, `${metric.code}: ${typeName}.${metric.field} in ${metric.owner}`).toBeDefined();
      expect(metric.unitLevel, metric.code).toBe(field!.directives!.some((d) => d.name.value === 'unitLevel'));
      if (metric.unitLevel) checked.push(metric.code);
    }
    expect(checked.sort()).toEqual([
      'CORE_ROOM_IT_ENERGY_KWH',
      'CORE_ROOM_TOTAL_ENERGY_KWH',
      'DC_IT_ENERGY_KWH',
      'DC_RENEWABLE_KWH',
      'DC_TOTAL_ENERGY_KWH',
      'ENTERPRISE_ENERGY_TCE',
      'RACKS_IN_USE',
    ]);
  });

  it('weighs the coverage of indicators with the same formula over the same kind of unit alike, whatever their population filter', () => {
    // PUE over all, new, large or retrofitted data centres: the IT kWh of a late unit is itself unknown, so its
    // weight must come from the register (design racks) for every one of them, not only where a line says so.
    const rules = new Map<string, Set<string>>();
    for (const indicator of loadCatalog().indicators.values()) {
      if (!indicator.population || !indicator.coverageRule) continue;
      const key = `${indicator.population.subject} ${indicator.formula}`;
      const { minimum, weight } = indicator.coverageRule;
      rules.set(key, (rules.get(key) ?? new Set()).add(`${minimum} ${weight?.code ?? 'COUNT'}`));
    }
    for (const [formula, weights] of rules) expect([...weights], formula).toHaveLength(1);
    expect(rules.get('DATA_CENTER sum(DC_TOTAL_ENERGY_KWH) / sum(DC_IT_ENERGY_KWH)')).toEqual(new Set(['0.9 DESIGN_RACKS']));
  });

  it('records the seed 004 PUE erratum on the PUE indicators', () => {
    const { indicators } = loadCatalog();
    expect(indicators.get('NEW_LARGE_DC_PUE')!.notes).toMatch(/upside down/);
    expect(indicators.get('NEW_LARGE_DC_PUE')!.formula).toBe('sum(DC_TOTAL_ENERGY_KWH) / sum(DC_IT_ENERGY_KWH)');
  });
});

describe('catalog validation', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  function catalogWith(edit: (indicators: string, metrics: string) => [string, string]): string {
    dir = mkdtempSync(path.join(tmpdir(), 'catalog-'));
    cpSync('catalog', dir, { recursive: true });
    const [indicators, metrics] = edit(readFileSync(path.join(dir, 'indicators.yaml'), 'utf8'), readFileSync(path.join(dir, 'metrics.yaml'), 'utf8'));
    writeFileSync(path.join(dir, 'indicators.yaml'), indicators);
    writeFileSync(path.join(dir, 'metrics.yaml'), metrics);
    return dir;
  }

  const extra = (code: string, formula: string) =>
    `\n${code}:\n  nameZh: 测试\n  nameEn: Test\n  definition: test\n  unit: ratio\n  displayFactor: 1\n  decimals: 2\n  formula: ${formula}\n  direction: HIGHER_IS_BETTER\n  levels: [REGION]\n  responsibleAgency: comms\n  source: [{ seed: x, clause: y }]\n  targets: []\n`;

  it('rejects a formula that names an unknown metric', () => {
    const d = catalogWith((i, m) => [i + extra('BROKEN', 'NO_SUCH_METRIC / NEW_TOWERS'), m]);
    expect(() => loadCatalog(d)).toThrow(/BROKEN: "NO_SUCH_METRIC" is neither a metric nor an indicator/);
  });

  it('rejects a formula that does not parse or uses what the grammar forbids', () => {
    const d = catalogWith((i, m) => [i + extra('BAD_SYNTAX', "'constructor(1)'"), m]);
    expect(() => loadCatalog(d)).toThrow(CatalogError);
  });

  it('rejects indicators that depend on each other in a cycle', () => {
    const d = catalogWith((i, m) => [i + extra('LOOP_A', 'LOOP_B + 1') + extra('LOOP_B', 'LOOP_A * 2'), m]);
    expect(() => loadCatalog(d)).toThrow(/depends on itself via LOOP_A → LOOP_B → LOOP_A|depends on itself via LOOP_B → LOOP_A → LOOP_B/);
  });

  const targeted = (t: string) =>
    extra('TARGETED', 'NEW_TOWERS_SHARED / NEW_TOWERS').replace(
      'targets: []',
      `targets:\n    - { jurisdiction: '310000', comparator: '>=', value: 1, scope: JURISDICTION, measure: LEVEL, source: s, ${t} }`,
    );
  it.each([
    ['an unknown plan period', 'year: 2025, period: FYP99', /TARGETED: target 310000 2025: unknown period "FYP99"/],
    ['a target year outside its period', 'year: 2027, period: FYP14', /year outside period FYP14 \(2021–2025\)/],
    [
      'a milestone in or after the target year',
      'year: 2025, period: FYP14, milestones: [{ year: 2025, value: 1 }]',
      /milestone 2025 is not a year of the period before the target year/,
    ],
  ])('rejects a target with %s', (_what, fields, message) => {
    const d = catalogWith((i, m) => [i + targeted(fields), m]);
    expect(() => loadCatalog(d)).toThrow(message);
  });

  it("rejects a sum over two agencies' confidential unit-level metrics, which no one agency could aggregate", () => {
    const population = '  population: { subject: DATA_CENTER }\n';
    const d = catalogWith((i, m) => [
      i + extra('MIXED_OWNERS', 'sum(RACKS_IN_USE) / sum(DC_TOTAL_ENERGY_KWH)').replace('  direction:', `${population}  direction:`),
      m,
    ]);
    expect(() => loadCatalog(d)).toThrow(
      /MIXED_OWNERS: its sums read unit-level \(confidential\) metrics of comms and energy; one agency must own all of them/,
    );
  });

  it("names the one owner of each indicator's unit-level metrics; public register attributes may come from others", () => {
    const { indicators } = loadCatalog();
    expect(indicators.get('DC_RACK_UTILISATION')!.unitLevelOwner).toBe('comms'); // design racks are bigdata's, public
    expect(indicators.get('DC_PUE')!.unitLevelOwner).toBe('energy');
    expect(indicators.get('CORE_ROOM_PUE')!.unitLevelOwner).toBe('energy');
    expect(indicators.get('ENERGY_AUDIT_COVERAGE')!.unitLevelOwner).toBe('energy'); // audited is econ's register flag
    expect(indicators.get('DC_CLUSTER_SHARE')!.unitLevelOwner).toBeUndefined();
  });

  it('names one population for indicators over the same data centres, and the agencies each indicator reads', () => {
    const { indicators } = loadCatalog();
    // PUE, rack utilisation, the renewable share and the cluster share all sum over every data centre with no baseline:
    // the first of them by code (DC_CLUSTER_SHARE) stands for the others; new large data centres are another population.
    for (const code of ['DC_PUE', 'DC_RACK_UTILISATION', 'DC_RENEWABLE_RATE', 'DC_CLUSTER_SHARE'])
      expect(indicators.get(code)!.populationCode, code).toBe('DC_CLUSTER_SHARE');
    expect(indicators.get('NEW_LARGE_DC_PUE')!.populationCode).toBe('NEW_LARGE_DC_PUE');
    // Owners of the metrics read, the agency that places a count (bigdata for econ's designations), and the population's register.
    expect([...indicators.get('DC_RACK_UTILISATION')!.agenciesRead].sort()).toEqual(['bigdata', 'comms']);
    expect([...indicators.get('NATIONAL_GREEN_DC_COUNT')!.agenciesRead].sort()).toEqual(['bigdata', 'econ']);
    expect([...indicators.get('CORE_ROOM_PUE')!.agenciesRead].sort()).toEqual(['comms', 'energy']);
    expect([...indicators.get('ROOFTOP_PV_RATIO')!.agenciesRead].sort()).toEqual(['econ', 'energy']);
  });

  it('asks each owner for its checks against register bounds as the catalog declares them (`atMost`), and rejects a bound that is not a register metric of the same units', () => {
    const base = indicatorValueRequires(loadCatalog());
    expect(base).toContain(
      'commsSums { indicatorCode regionCode year units lacking monthsDiffer monthsIncomplete monthsMissing terms inputSums inputStatuses withheld updatedAt } racksAboveDesign { units ids }',
    );
    // A made-up second check, energy's: its own IT kWh against the register's design racks.
    const withCheck = catalogWith((i, m) => [
      i,
      m.replace('  field: itEnergyKwh\n', '  field: itEnergyKwh\n  atMost: { metric: DESIGN_RACKS, check: itEnergyAboveDesign }\n'),
    ]);
    expect(indicatorValueRequires(loadCatalog(withCheck))).toContain(
      'energySums { indicatorCode regionCode year units lacking monthsDiffer monthsIncomplete monthsMissing terms inputSums inputStatuses withheld updatedAt } itEnergyAboveDesign { units ids }',
    );
    const observedBound = catalogWith((i, m) => [
      i,
      m.replace('  field: itEnergyKwh\n', '  field: itEnergyKwh\n  atMost: { metric: DC_TOTAL_ENERGY_KWH, check: itAboveTotal }\n'),
    ]);
    expect(() => loadCatalog(observedBound)).toThrow(/metric DC_IT_ENERGY_KWH: atMost DC_TOTAL_ENERGY_KWH must be a register metric of the same units/);
  });

  it('rejects a metric whose owner is not a subgraph of the supergraph', () => {
    expect(() => loadCatalog(undefined, ['comms', 'econ', 'bigdata'])).toThrow(/owner energy is not a subgraph of the supergraph/);
  });

  it('rejects a metric nobody can write: neither observed, nor from a register, nor fed by another', () => {
    const d = catalogWith((i, m) => [i, m.replace('  register: upsertTowers\n', '')]);
    expect(() => loadCatalog(d)).toThrow(/metric NEW_TOWERS: no way to write it/);
  });

  it('rejects an integer metric whose maximum GraphQL Int cannot return', () => {
    // RACKS_IN_USE's max raised from 500,000 to 3,000,000,000 > 2,147,483,647.
    const d = catalogWith((i, m) => [i, m.replace(/(RACKS_IN_USE:[\s\S]*?max: )500000/, '$13000000000')]);
    expect(() => loadCatalog(d)).toThrow(/metric RACKS_IN_USE: observation an integer metric's max must fit GraphQL's Int/);
  });

  it('rejects a formula that reads a metric which only feeds another', () => {
    const d = catalogWith((i, m) => [i + extra('PARTS', 'DC_RENEWABLE_CERTIFICATE_KWH'), m]);
    expect(() => loadCatalog(d)).toThrow(/PARTS: DC_RENEWABLE_CERTIFICATE_KWH feeds DC_RENEWABLE_KWH/);
  });

  it('names for each metric what its writer sends: the observed parts of a sum, the register mutation of a count', () => {
    const { metrics } = loadCatalog();
    expect(howToWrite(metrics.get('DC_RENEWABLE_KWH')!)).toBe(
      'submitEnergyObservations with metric DC_RENEWABLE_GREEN_POWER_KWH, DC_RENEWABLE_CERTIFICATE_KWH or DC_RENEWABLE_ONSITE_PV_KWH',
    );
    expect(howToWrite(metrics.get('NEW_5G_SITES')!)).toMatch(/^the upsertSites5G mutation/);
    expect(howToWrite(metrics.get('RACKS_IN_USE')!)).toBe('submitCommsObservations with metric RACKS_IN_USE');
  });

  it("builds each agency's write-side metric table from the catalog and refuses a code list that disagrees with it", () => {
    expect(commsMetrics.RACKS_IN_USE).toMatchObject({ subjectKind: 'DATA_CENTER', periodicity: 'ANNUAL', integer: true, max: 500_000 });
    expect(() => metricTable('comms', ['RACKS_IN_USE'])).toThrow(/differ from the metrics catalog\/metrics.yaml gives it/);
    expect(() => metricTable('econ', ['USABLE_ROOFS', 'RACKS_IN_USE'])).toThrow(/differ/);
  });

  it('lets an indicator use another indicator, inheriting its inputs', () => {
    const d = catalogWith((i, m) => [i + extra('DOUBLE_SHARING', 'NEW_TOWER_SHARING_RATE * 2'), m]);
    expect(loadCatalog(d).indicators.get('DOUBLE_SHARING')!.regionMetrics).toEqual(['NEW_TOWERS', 'NEW_TOWERS_SHARED']);
  });
});
