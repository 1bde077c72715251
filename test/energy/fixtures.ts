import type { Db } from '../../db/connection.ts';
import { dataCenter } from '../../subgraphs/bigdata/tables.ts';
import { observation, pvInstallation } from '../../subgraphs/energy/tables.ts';

import { observationRow } from '../support/observations.ts';

/** Energy's tests call an observation row a reading. */
export const reading = observationRow;

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
