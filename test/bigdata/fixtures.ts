import type { Db } from '../../db/connection.ts';
import { cluster, dataCenter, observation, zone } from '../../subgraphs/bigdata/tables.ts';
import { observationRow } from '../support/observations.ts';

type DataCenterInsert = typeof dataCenter.$inferInsert;

/** A register row with ordinary defaults; tests override what they are about. */
export function dataCenterRow(id: string, overrides: Partial<DataCenterInsert> = {}): DataCenterInsert {
  return {
    id,
    nameZh: `测试数据中心${id}`,
    operatorUscc: '91500112MA5U0000XX',
    regionCode: '500112',
    commissionedOn: '2018-06-01',
    status: 'OPERATING',
    designRacks: 1000,
    buildType: 'EXISTING',
    ...overrides,
  };
}

/** The Chongqing cluster with one start-up zone, as in seed 004's footnotes. */
export async function insertChongqingCluster(db: Db): Promise<void> {
  await db.insert(cluster).values({ id: 'CQ_CLUSTER', nameZh: '重庆数据中心集群', nameEn: 'Chongqing cluster', provinceCode: '500000', areaKm2: 1984 });
  await db.insert(zone).values([
    { id: 'CQ_BISHAN', clusterId: 'CQ_CLUSTER', nameZh: '璧山片区', nameEn: 'Bishan', regionCode: '500120', startUp: true },
    { id: 'CQ_OTHER', clusterId: 'CQ_CLUSTER', nameZh: '其他片区', nameEn: 'Other', regionCode: '500106', startUp: false },
  ]);
}

/** Racks a data centre retired in a year, as the bureau records them: a RACKS_RETIRED observation. */
export const retiredRacks = (dataCenterId: string, year: number, racks: number, status: 'FINAL' | 'PROVISIONAL' = 'FINAL') =>
  observationRow('RACKS_RETIRED', 'DATA_CENTER', dataCenterId, String(year), racks, status);

export { dataCenter, observation };
