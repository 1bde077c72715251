import { eq, sql } from 'drizzle-orm';
import { visibleObservations } from '../../db/observation-table.ts';
import { checkReferences, type Register } from '../../lib/writes/registers.ts';
import type { ClusterZoneInput, DataCenterClusterInput, DataCenterInput } from './resolvers.generated.ts';
import { buildType as buildTypes, cluster, dataCenter, dataCenterStatus, importBatch, observation, registerRevision, zone } from './tables.ts';

/** Data centres commissioned in or after this year are new builds of the current plan period (schema: BuildType). */
const FIRST_NEW_BUILD_YEAR = 2021;

/** Far above the largest campus (tens of thousands of racks): catches a wrong unit, keeps regional sums finite. */
const MAX_DESIGN_RACKS = 500_000;

const common = { agency: 'bigdata', revisions: registerRevision, batches: importBatch } as const;

type DataCenterState = Omit<typeof dataCenter.$inferSelect, 'updatedAt'>;

/**
 * The data-centre register. The operator is econ's enterprise, so only its USCC check character can be
 * verified here; cluster and zone are bigdata's own and must exist and agree with each other and with
 * the centre's region.
 */
export const dataCenters: Register<DataCenterInput, DataCenterState> = {
  ...common,
  entity: 'DataCenter',
  operation: 'upsertDataCenters',
  table: dataCenter,
  idField: 'id',
  stampField: 'updatedAt',
  parse(read) {
    const commissionedOn = read.date('commissionedOn');
    const commissionedYear = commissionedOn === null ? null : Number(commissionedOn.slice(0, 4));
    const status = read.choice('status', dataCenterStatus);
    const closedYear = read.year('closedYear', { required: false, ...(commissionedYear ? { min: commissionedYear } : {}) });
    const renovatedYear = read.year('renovatedYear', { required: false, ...(commissionedYear ? { min: commissionedYear } : {}) });
    const sentBuildType = read.choice('buildType', buildTypes, { required: false });
    const derivedBuildType = commissionedYear === null ? null : commissionedYear >= FIRST_NEW_BUILD_YEAR ? 'NEW' : 'EXISTING';
    if (sentBuildType && derivedBuildType && sentBuildType !== derivedBuildType) {
      read.problem(
        'buildType',
        'INCONSISTENT_FIELDS',
        `buildType ${sentBuildType} contradicts commissionedOn ${commissionedOn}: centres commissioned in ${FIRST_NEW_BUILD_YEAR} or later are NEW, earlier ones EXISTING. Leave buildType out to have it derived.`,
      );
    }
    if (status && read.fine('closedYear')) {
      const closed = status !== 'OPERATING';
      if (closed && closedYear === null) read.problem('closedYear', 'INCONSISTENT_FIELDS', `status ${status} needs the year the centre closed in closedYear.`);
      if (!closed && closedYear !== null)
        read.problem(
          'closedYear',
          'INCONSISTENT_FIELDS',
          `an OPERATING centre has no closedYear (got ${closedYear}); set status SHUT_DOWN or MERGED, or leave closedYear out.`,
        );
    }
    const clusterId = read.reference('clusterId', { required: false });
    const zoneId = read.reference('zoneId', { required: false });
    if (zoneId !== null && clusterId === null && read.fine('clusterId'))
      read.problem('clusterId', 'INCONSISTENT_FIELDS', `zone ${zoneId} is given without its cluster; send the zone's clusterId too.`);
    return {
      id: read.input.id,
      nameZh: read.text('nameZh')!,
      operatorUscc: read.uscc('operatorUscc')!,
      regionCode: read.region('regionCode', { level: 'COUNTY' })!,
      latitude: read.amount('latitude', { required: false, min: -90, max: 90 }),
      longitude: read.amount('longitude', { required: false, min: -180, max: 180 }),
      commissionedOn: commissionedOn!,
      status: status!,
      closedYear,
      designRacks: read.integer('designRacks', { max: MAX_DESIGN_RACKS })!,
      buildType: (sentBuildType ?? derivedBuildType)!,
      renovatedYear,
      clusterId,
      zoneId,
    };
  },
  async check(tx, entries, problems, { regions }) {
    await checkReferences(tx, entries, problems, {
      field: 'clusterId',
      pick: (r) => r.clusterId,
      column: cluster.id,
      code: 'UNKNOWN_REFERENCE',
      what: 'cluster',
    });
    await checkReferences(tx, entries, problems, { field: 'zoneId', pick: (r) => r.zoneId, column: zone.id, code: 'UNKNOWN_REFERENCE', what: 'zone' });
    const clusterIds = [...new Set(entries.flatMap((e) => (e.data.clusterId ? [e.data.clusterId] : [])))];
    const zoneIds = [...new Set(entries.flatMap((e) => (e.data.zoneId ? [e.data.zoneId] : [])))];
    const clusters = new Map(
      clusterIds.length === 0
        ? []
        : (
            await tx
              .select({ id: cluster.id, provinceCode: cluster.provinceCode })
              .from(cluster)
              .where(sql`${cluster.id} = any(${sql.param(clusterIds)}::text[])`)
          ).map((c) => [c.id, c]),
    );
    const zones = new Map(
      zoneIds.length === 0
        ? []
        : (
            await tx
              .select({ id: zone.id, clusterId: zone.clusterId, regionCode: zone.regionCode })
              .from(zone)
              .where(sql`${zone.id} = any(${sql.param(zoneIds)}::text[])`)
          ).map((z) => [z.id, z]),
    );
    for (const { row, data } of entries) {
      if (problems.has(row)) continue;
      const c = data.clusterId ? clusters.get(data.clusterId) : undefined;
      if (c && !regions.within(data.regionCode, c.provinceCode)) {
        problems.add(
          row,
          'clusterId',
          'INCONSISTENT_FIELDS',
          `cluster ${c.id} belongs to province ${c.provinceCode}, but the centre's regionCode ${data.regionCode} is outside it.`,
        );
      }
      const z = data.zoneId ? zones.get(data.zoneId) : undefined;
      if (z && z.clusterId !== data.clusterId)
        problems.add(
          row,
          'zoneId',
          'INCONSISTENT_FIELDS',
          `zone ${z.id} belongs to cluster ${z.clusterId}, not ${data.clusterId}; send the zone's own cluster.`,
        );
      else if (z && z.regionCode !== data.regionCode)
        problems.add(row, 'zoneId', 'INCONSISTENT_FIELDS', `zone ${z.id} lies in ${z.regionCode}, but the centre's regionCode is ${data.regionCode}.`);
    }
  },
  // Rack retirements are observations of the data centre (RACKS_RETIRED).
  referencedBy: [
    {
      what: 'current observations (racks retired, …)',
      column: observation.subjectId,
      where: sql`${eq(observation.subjectKind, 'DATA_CENTER')} and ${visibleObservations(observation)}`,
    },
  ],
};

/** Designated clusters; their zones are a register of their own (`upsertZones`). */
export const clusters: Register<DataCenterClusterInput, typeof cluster.$inferSelect> = {
  ...common,
  entity: 'DataCenterCluster',
  operation: 'upsertClusters',
  table: cluster,
  idField: 'id',
  parse: (read) => ({
    id: read.input.id,
    nameZh: read.text('nameZh')!,
    nameEn: read.text('nameEn')!,
    provinceCode: read.region('provinceCode', { level: 'PROVINCE' })!,
    areaKm2: read.amount('areaKm2', { required: false, positive: true, max: 100_000 }),
  }),
  async check(tx, entries, problems, { regions }) {
    // Moving a cluster to another province would strand its zones and data centres there.
    const ids = entries.map((e) => e.id);
    if (ids.length === 0) return;
    const members = [
      ...(
        await tx
          .select({ clusterId: zone.clusterId, regionCode: zone.regionCode })
          .from(zone)
          .where(sql`${zone.clusterId} = any(${sql.param(ids)}::text[])`)
      ).map((z) => ({ ...z, what: 'zone' })),
      ...(
        await tx
          .selectDistinct({ clusterId: dataCenter.clusterId, regionCode: dataCenter.regionCode })
          .from(dataCenter)
          .where(sql`${dataCenter.clusterId} = any(${sql.param(ids)}::text[])`)
      ).map((d) => ({ ...d, what: 'data centre' })),
    ];
    for (const { row, id, data } of entries) {
      const outside = members.find((m) => m.clusterId === id && !regions.within(m.regionCode, data.provinceCode));
      if (outside)
        problems.add(
          row,
          'provinceCode',
          'INCONSISTENT_FIELDS',
          `cluster ${id} has a ${outside.what} in ${outside.regionCode}, outside ${data.provinceCode}; move or delete it first.`,
        );
    }
  },
  referencedBy: [
    { what: 'zones', column: zone.clusterId },
    { what: 'data centres', column: dataCenter.clusterId },
  ],
};

/** Zones of the clusters. A zone's cluster and county must stay those of the data centres registered in it. */
export const zones: Register<ClusterZoneInput, typeof zone.$inferSelect> = {
  ...common,
  entity: 'ClusterZone',
  operation: 'upsertZones',
  table: zone,
  idField: 'id',
  parse: (read) => ({
    id: read.input.id,
    clusterId: read.reference('clusterId')!,
    nameZh: read.text('nameZh')!,
    nameEn: read.text('nameEn')!,
    regionCode: read.region('regionCode', { level: 'COUNTY' })!,
    startUp: read.boolean('startUp')!,
  }),
  async check(tx, entries, problems, { regions }) {
    await checkReferences(tx, entries, problems, {
      field: 'clusterId',
      pick: (r) => r.clusterId,
      column: cluster.id,
      code: 'UNKNOWN_REFERENCE',
      what: 'cluster',
    });
    const ids = entries.map((e) => e.id);
    const clusterIds = [...new Set(entries.map((e) => e.data.clusterId))];
    if (ids.length === 0) return;
    const provinces = new Map(
      (
        await tx
          .select({ id: cluster.id, provinceCode: cluster.provinceCode })
          .from(cluster)
          .where(sql`${cluster.id} = any(${sql.param(clusterIds)}::text[])`)
      ).map((c) => [c.id, c.provinceCode]),
    );
    const members = await tx
      .selectDistinct({ zoneId: dataCenter.zoneId, clusterId: dataCenter.clusterId, regionCode: dataCenter.regionCode })
      .from(dataCenter)
      .where(sql`${dataCenter.zoneId} = any(${sql.param(ids)}::text[])`);
    for (const { row, id, data } of entries) {
      if (problems.has(row)) continue;
      const province = provinces.get(data.clusterId);
      if (province && !regions.within(data.regionCode, province)) {
        problems.add(
          row,
          'regionCode',
          'INCONSISTENT_FIELDS',
          `zone ${id} lies in ${data.regionCode}, outside province ${province} of its cluster ${data.clusterId}.`,
        );
        continue;
      }
      const other = members.find((m) => m.zoneId === id && (m.clusterId !== data.clusterId || m.regionCode !== data.regionCode));
      if (other) {
        const field = other.clusterId !== data.clusterId ? 'clusterId' : 'regionCode';
        const registered = field === 'clusterId' ? `cluster ${other.clusterId}` : `county ${other.regionCode}`;
        problems.add(
          row,
          field,
          'INCONSISTENT_FIELDS',
          `data centres registered in zone ${id} are in ${registered}; move those data centres (upsertDataCenters) before moving the zone.`,
        );
      }
    }
  },
  referencedBy: [{ what: 'data centres', column: dataCenter.zoneId }],
};
