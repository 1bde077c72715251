import type { Db } from '../../db/connection.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { observation, pvInstallation } from '../../subgraphs/energy/tables.ts';

type Kind = (typeof observation.$inferInsert)['subjectKind'];

/** An observation row as an agency would report it; status defaults to FINAL. */
export function reading(metric: string, subjectKind: Kind, subjectId: string, period: string, value: number, status: 'FINAL' | 'PROVISIONAL' = 'FINAL') {
  return { metric, subjectKind, subjectId, period, year: Number(period.slice(0, 4)), value, status };
}

export async function insertObservations(db: Db, rows: ReturnType<typeof reading>[]): Promise<void> {
  await db.insert(observation).values(rows);
}

export async function insertPv(db: Db, rows: (typeof pvInstallation.$inferInsert)[]): Promise<void> {
  await db.insert(pvInstallation).values(rows);
}

/** A register row in bigdata, for queries that start there and cross into energy. */
export async function registerDataCenter(db: Db, id: string, regionCode: string, operatorUscc: string): Promise<void> {
  await db.insert(dataCenter).values({
    id,
    nameZh: `${id}号数据中心`,
    operatorUscc,
    regionCode,
    commissionedOn: '2019-03-01',
    status: 'OPERATING',
    designRacks: 1200,
    buildType: 'EXISTING',
  });
}
