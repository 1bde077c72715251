import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../lib/auth/tokens.ts';
import { startTestFederation, type GraphQLResponse, type TestFederation } from '../support/federation.ts';
import { ANONYMOUS_HEADERS, bearer, readerHeaders } from '../support/tokens.ts';
import { E, writeFixtures } from '../indicators/fixtures.ts';

// Who may read a named unit's measured figures, through the gateway and straight at the subgraphs.
// Numbers come from test/indicators/fixtures.ts: data centre A in 2024 used 1.3 GWh for 1.0 GWh of IT
// (PUE 1.3) with 3,000 racks in use; Chongqing's four centres sum to 5.3 ÷ 4.0 GWh.

let fed: TestFederation;
let headers: Record<'reader' | 'energy' | 'comms', Record<string, string>>;

beforeAll(async () => {
  fed = await startTestFederation();
  await writeFixtures(fed);
  headers = { reader: await readerHeaders(), energy: await bearer('energy', ['writer']), comms: await bearer('comms', []) };
});
afterAll(() => fed?.stop());

interface Answer<T> extends GraphQLResponse<T> {
  status: number;
}

/** POSTs a query and keeps the HTTP status, which refusals set. */
async function post<T = Record<string, unknown>>(
  url: string,
  query: string,
  requestHeaders: Record<string, string>,
  variables: Record<string, unknown> = {},
): Promise<Answer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...requestHeaders },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as GraphQLResponse<T>) };
}

const viaGateway = <T = Record<string, unknown>>(query: string, requestHeaders: Record<string, string>, variables?: Record<string, unknown>) =>
  post<T>(fed.gateway.url, query, requestHeaders, variables);
const codes = (answer: GraphQLResponse) => answer.errors?.map((e) => e.extensions?.code);

const DC_A_2024 = `{ dataCenter(id: "A") { nameZh designRacks years(from: 2024, to: 2024) { year pue totalEnergyKwh racksInUse } } }`;

describe('through the gateway', () => {
  it("refuses an anonymous caller a data centre's PUE, kWh and racks in use before asking any subgraph (401, UNAUTHENTICATED)", async () => {
    const before = fed.subgraphFetches();
    const answer = await viaGateway(DC_A_2024, ANONYMOUS_HEADERS);
    expect(answer.status).toBe(401);
    expect(answer.data ?? null).toBeNull();
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    const [error] = answer.errors!;
    expect(error!.message).toContain(
      'DataCenterYear.pue (owned by energy), DataCenterYear.totalEnergyKwh (owned by energy), DataCenterYear.racksInUse (owned by comms) are unit-level data',
    );
    expect(error!.message).toMatch(/send a bearer token with the "reader" role or one of the owning agency \(energy, comms\)\.$/);
    expect(error!.extensions).toMatchObject({
      requiredRole: 'reader',
      fields: expect.arrayContaining([{ field: 'DataCenterYear.racksInUse', owningAgencies: ['comms'] }]),
    });
    expect(fed.subgraphFetches()).toBe(before);
  });

  it("keeps a population's measured columns unit-level, its register columns public", async () => {
    const population = (columns: string) =>
      `{ indicatorValues(codes: ["DC_PUE"], regions: ["500120"], years: [2024]) { value confidentiality dataCenterPopulation { ${columns} } } }`;
    const refused = await viaGateway(population('dataCenterIds totalEnergyKwh racksInUse'), ANONYMOUS_HEADERS);
    expect(refused.status).toBe(401);
    expect(refused.errors![0]!.message).toContain(
      'DataCenterPopulation.totalEnergyKwh (owned by energy), DataCenterPopulation.racksInUse (owned by comms) are unit-level data',
    );
    // 500120 holds data centre A only: the register columns stay public, and the aggregate, which would be A's own PUE, is withheld.
    const open = await viaGateway<{ indicatorValues: unknown[] }>(
      population('dataCenterIds years designRacks dataCenters { dataCenter { id } inService }'),
      ANONYMOUS_HEADERS,
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!.indicatorValues).toEqual([
      {
        value: null,
        confidentiality: 'CONFIDENTIAL',
        dataCenterPopulation: { dataCenterIds: ['A'], years: [2024], designRacks: [4000], dataCenters: [{ dataCenter: { id: 'A' }, inService: true }] },
      },
    ]);
  });

  it('gives a reader the figures', async () => {
    const answer = await viaGateway<{ dataCenter: { years: Record<string, unknown>[] } }>(DC_A_2024, headers.reader);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.dataCenter.years).toEqual([{ year: 2024, pue: 1.3, totalEnergyKwh: 1_300_000, racksInUse: 3000 }]);
  });

  it('gives an agency its own figures but not another agency’s (403, FORBIDDEN, naming field and role)', async () => {
    const own = await viaGateway<{ dataCenter: { years: { pue: number }[] } }>(
      `{ dataCenter(id: "A") { years(from: 2024, to: 2024) { pue } } }`,
      headers.energy,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.dataCenter.years[0]!.pue).toBe(1.3);

    const other = await viaGateway(DC_A_2024, headers.energy);
    expect(other.status).toBe(403);
    expect(codes(other)).toEqual(['FORBIDDEN']);
    expect(other.errors![0]!.message).toBe(
      'DataCenterYear.racksInUse (owned by comms) is unit-level data: the token of "test-energy-writer" (agency energy, roles writer) has neither the "reader" role nor the owning agency (comms).',
    );

    const comms = await viaGateway<{ dataCenter: { rackUsage: unknown[] } }>(`{ dataCenter(id: "A") { rackUsage { year racksInUse } } }`, headers.comms);
    expect(comms.errors).toBeUndefined();
    expect(comms.data!.dataCenter.rackUsage).toContainEqual({ year: 2024, racksInUse: 3000 });
  });

  it('keeps the register public: names, locations, design racks and designations', async () => {
    const answer = await viaGateway<{ dataCenter: Record<string, unknown> }>(
      `{ dataCenter(id: "A") { nameZh designRacks region { code } designations { kind } years(from: 2024, to: 2024) { inService energyStatus } } }`,
      ANONYMOUS_HEADERS,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.dataCenter).toMatchObject({
      designRacks: 4000,
      region: { code: '500120' },
      designations: [{ kind: 'NATIONAL_GREEN_DATA_CENTER' }, { kind: 'WASTE_HEAT_DATA_CENTER' }],
    });
  });

  it("still computes an anonymous caller's regional PUE, from energy's totals over the data centres' kWh", async () => {
    const answer = await viaGateway<{ indicatorValues: { value: number; numerator: number; inputs: { metric: { code: string }; value: number }[] }[] }>(
      `{ indicatorValues(codes: ["DC_PUE"], regions: ["500000"], years: [2024]) { value numerator denominator inputs { metric { code } value } } }`,
      ANONYMOUS_HEADERS,
    );
    expect(answer.errors).toBeUndefined();
    const [value] = answer.data!.indicatorValues;
    expect(value!.value).toBeCloseTo(5.3 / 4.0, 12);
    expect(value!.numerator).toBe(5_300_000);
  });

  it('sees restricted fields behind public ones and inside fragments', async () => {
    const nested = await viaGateway(
      `{ indicatorValues(codes: ["DC_PUE"], regions: ["500000"], years: [2024]) { value dataCenterPopulation { dataCenters { dataCenterId pue } } } }`,
      ANONYMOUS_HEADERS,
    );
    expect(nested.errors![0]!.message).toMatch(/^DataCenterYear\.pue/);
    const fragment = await viaGateway(
      `query { dataCenter(id: "A") { ...Energy } } fragment Energy on DataCenter { energyReadings(year: 2024) { period totalEnergyKwh } }`,
      ANONYMOUS_HEADERS,
    );
    expect(fragment.errors![0]!.message).toMatch(/^DataCenter\.energyReadings/);
    const enterprise = await viaGateway(`{ enterprise(uscc: "${E.E1}") { nameZh year(year: 2024) { audited energyUseTce } } }`, ANONYMOUS_HEADERS);
    expect(enterprise.errors![0]!.message).toMatch(/^EnterpriseYear\.energyUseTce \(owned by energy\)/);
  });

  it("keeps a data centre's own indicator values and the shutdown list for readers (no agency owns them)", async () => {
    const perDataCentre = `{ dataCenter(id: "A") { years(from: 2024, to: 2024) { indicatorValues { indicatorCode value } } } }`;
    expect((await viaGateway(perDataCentre, headers.energy)).errors![0]!.message).toMatch(
      /^DataCenterYear\.indicatorValues is unit-level data: .* lacks the "reader" role\.$/,
    );
    const read = await viaGateway<{ dataCenter: { years: { indicatorValues: { indicatorCode: string; value: number }[] }[] } }>(perDataCentre, headers.reader);
    expect(read.errors).toBeUndefined();
    expect(read.data!.dataCenter.years[0]!.indicatorValues).toContainEqual({ indicatorCode: 'DC_PUE', value: 1.3 });

    const screen = (fields: string) => `{ dataCenterShutdownCandidates(region: "310000", year: 2024) { ${fields} } }`;
    expect(codes(await viaGateway(screen('candidates { dataCenter { id } }'), ANONYMOUS_HEADERS))).toEqual(['UNAUTHENTICATED']);
    const criteria = await viaGateway(screen('criteria { pueAbove }'), ANONYMOUS_HEADERS);
    expect(criteria.errors).toBeUndefined();
    const candidates = await viaGateway<{ dataCenterShutdownCandidates: { candidates: { dataCenter: { id: string } }[] } }>(
      screen('candidates { dataCenter { id } }'),
      headers.reader,
    );
    expect(candidates.data!.dataCenterShutdownCandidates.candidates.map((c) => c.dataCenter.id)).toEqual(['S1']);
  });

  it("gives anyone a region's energy observations, but a named unit's only to readers and the energy bureau", async () => {
    const observations = (metric: string) => `{ energyObservations(metric: "${metric}", year: 2024) { nodes { subjectKind subjectId value } } }`;
    const region = await viaGateway<{ energyObservations: { nodes: { subjectId: string; value: number }[] } }>(
      observations('BS_5G_ELECTRICITY_KWH'),
      ANONYMOUS_HEADERS,
    );
    expect(region.errors).toBeUndefined();
    expect(region.data!.energyObservations.nodes).toEqual([{ subjectKind: 'REGION', subjectId: '500112', value: 2000 }]);

    // Whether a value is unit-level depends on the row, so the energy subgraph decides, with the caller's own token.
    const anonymous = await viaGateway(observations('ENTERPRISE_ENERGY_TCE'), ANONYMOUS_HEADERS);
    expect(anonymous.data?.energyObservations ?? null).toBeNull();
    expect(new Set(codes(anonymous))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(anonymous.errors![0]!.message).toMatch(/^EnergyObservation\.value \(owned by energy\) is unit-level data/);
    expect(codes(await viaGateway(observations('ENTERPRISE_ENERGY_TCE'), headers.comms))).toContain('FORBIDDEN');
    const reader = await viaGateway<{ energyObservations: { nodes: { value: number }[] } }>(observations('ENTERPRISE_ENERGY_TCE'), headers.reader);
    expect(reader.data!.energyObservations.nodes.map((n) => n.value)).toEqual(expect.arrayContaining([6000, 12000]));
  });

  it('says in the schema which fields are unit-level, for GraphiQL and BI tools', async () => {
    const answer = await viaGateway<{ __type: { fields: { name: string; description: string }[] } }>(
      `{ __type(name: "DataCenterYear") { fields { name description } } }`,
      ANONYMOUS_HEADERS,
    );
    const description = (name: string) => answer.data!.__type.fields.find((f) => f.name === name)!.description;
    expect(description('pue')).toMatch(/Unit-level data \(@unitLevel\): needs a bearer token with the "reader" role or of the owning agency \(energy\)\.$/);
    expect(description('designRacks')).not.toMatch(/Unit-level/);
  });

  it("relays a subgraph's own refusal with its reason, not a bare 403", async () => {
    const rows = [{ metric: 'BS_5G_ELECTRICITY_KWH', subjectKind: 'REGION', subjectId: '500112', period: '2024', value: 1 }];
    const answer = await viaGateway(`mutation($rows: [ObservationInput!]!) { submitEnergyObservations(rows: $rows) { created } }`, headers.comms, { rows });
    expect(answer.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/may not write energy facts/),
        extensions: expect.objectContaining({ code: 'FORBIDDEN', serviceName: 'energy' }),
      }),
    ]);
  });

  it('refuses a bad token with 401 instead of answering as if anonymous', async () => {
    const expired = await mintToken({ subject: 'late', roles: ['reader'], expiresIn: -60 });
    const answer = await viaGateway(`{ region(code: "500000") { nameZh } }`, { authorization: `Bearer ${expired}` });
    expect(answer.status).toBe(401);
    expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
    expect(answer.errors![0]!.message).toMatch(/expired/);
  });
});

describe('straight at the subgraphs, which verify tokens themselves', () => {
  const entities = (selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on DataCenterYear { ${selection} } } }`;
  const A_2024 = { r: [{ __typename: 'DataCenterYear', dataCenterId: 'A', year: 2024 }] };

  it('refuses an anonymous _entities fetch of PUE or racks in use, field by field', async () => {
    const energy = await post<{ _entities: ({ pue: number | null } | null)[] }>(
      fed.subgraphs.energy.url,
      entities('dataCenterId pue'),
      ANONYMOUS_HEADERS,
      A_2024,
    );
    expect(energy.data!._entities).toEqual([{ dataCenterId: 'A', pue: null }]);
    expect(energy.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 0, 'pue'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', requiredRole: 'reader' }) }),
    ]);
    const comms = await post(fed.subgraphs.comms.url, entities('racksInUse'), ANONYMOUS_HEADERS, A_2024);
    expect(codes(comms)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers a reader and the owning agency, and refuses another agency', async () => {
    for (const who of [headers.reader, headers.energy]) {
      const answer = await post<{ _entities: { pue: number }[] }>(fed.subgraphs.energy.url, entities('pue'), who, A_2024);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!._entities[0]!.pue).toBe(1.3);
    }
    const comms = await post(fed.subgraphs.energy.url, entities('pue'), headers.comms, A_2024);
    expect(codes(comms)).toEqual(['FORBIDDEN']);
    expect(comms.errors![0]!.message).toContain('DataCenterYear.pue (owned by energy) is unit-level data');
  });

  it('answers public fields without a token, and refuses a bad token with 401', async () => {
    const register = await post<{ dataCenter: { designRacks: number } }>(
      fed.subgraphs.bigdata.url,
      `{ dataCenter(id: "A") { designRacks } }`,
      ANONYMOUS_HEADERS,
    );
    expect(register.data!.dataCenter.designRacks).toBe(4000);
    const badToken = await post(fed.subgraphs.bigdata.url, `{ dataCenter(id: "A") { designRacks } }`, { authorization: 'Bearer not.a.token' });
    expect(badToken.status).toBe(401);
    expect(codes(badToken)).toEqual(['UNAUTHENTICATED']);
  });

  it("reads unit-level fields on the caller's own token only: no other header vouches for a request", async () => {
    // Public aggregates need no unit-level field (the owners send totals), so the gateway has no credential of its
    // own; the header it once sent is ignored, even with a caller token of the right kind in it.
    const token = (await readerHeaders()).authorization!.replace('Bearer ', '');
    const vouched = await post<{ _entities: ({ pue: number | null } | null)[] }>(
      fed.subgraphs.energy.url,
      entities('dataCenterId pue'),
      { 'x-gateway-token': token },
      A_2024,
    );
    expect(vouched.data!._entities).toEqual([{ dataCenterId: 'A', pue: null }]);
    expect(codes(vouched)).toEqual(['UNAUTHENTICATED']);
    const reader = await post<{ _entities: ({ pue: number | null } | null)[] }>(
      fed.subgraphs.energy.url,
      entities('dataCenterId pue'),
      await readerHeaders(),
      A_2024,
    );
    expect(reader.data!._entities[0]!.pue).toEqual(expect.any(Number));
  });
});
