import { observationRow } from '../support/observations.ts';
import type { Db } from '../../db/connection.ts';
import { coreRoom, observation, operator, site5g, tower } from '../../subgraphs/comms/tables.ts';

type ObservationInsert = typeof observation.$inferInsert;

/**
 * A small hand-made register: five 5G sites, three towers and three core rooms across Chongqing and
 * Shanghai, so every filter below has an answer worked out by reading this list.
 */
export async function insertRegisters(db: Db): Promise<void> {
  await db.insert(operator).values([
    { id: 'CHINA_MOBILE', nameZh: '中国移动', nameEn: 'China Mobile', kind: 'BASIC_TELECOM' },
    { id: 'CHINA_TELECOM', nameZh: '中国电信', nameEn: 'China Telecom', kind: 'BASIC_TELECOM' },
    { id: 'CHINA_TOWER', nameZh: '中国铁塔', nameEn: 'China Tower', kind: 'TOWER' },
  ]);
  await db.insert(site5g).values([
    { id: 'S-1', operatorId: 'CHINA_MOBILE', regionCode: '500112', builtYear: 2021, builtBySharing: true, baseStations: 3 },
    { id: 'S-2', operatorId: 'CHINA_MOBILE', regionCode: '500112', builtYear: 2022, builtBySharing: false, baseStations: 1 },
    { id: 'S-3', operatorId: 'CHINA_TELECOM', regionCode: '500120', builtYear: 2021, builtBySharing: true, baseStations: 4 },
    { id: 'S-4', operatorId: 'CHINA_TELECOM', regionCode: '310115', builtYear: 2021, builtBySharing: true, baseStations: 2 },
    { id: 'S-5', operatorId: 'CHINA_MOBILE', regionCode: '310101', builtYear: 2023, builtBySharing: false, baseStations: 5 },
  ]);
  await db.insert(tower).values([
    { id: 'T-1', regionCode: '500112', builtYear: 2021, shared: true },
    { id: 'T-2', regionCode: '500112', builtYear: 2022, shared: false },
    { id: 'T-3', regionCode: '310115', builtYear: 2021, shared: true },
  ]);
  await db.insert(coreRoom).values([
    { id: 'CR-1', nameZh: '移动渝北核心机房', operatorId: 'CHINA_MOBILE', regionCode: '500112', renovatedYear: 2022 },
    { id: 'CR-2', nameZh: '电信浦东核心机房', operatorId: 'CHINA_TELECOM', regionCode: '310115', renovatedYear: null },
    { id: 'CR-3', nameZh: '移动万州核心机房', operatorId: 'CHINA_MOBILE', regionCode: '500101', renovatedYear: 2024 },
  ]);
}

/** An annual observation row; tests state metric, subject, period and value, the rest defaults. */
export function obs(metric: string, subjectId: string, period: string, value: number, status: 'FINAL' | 'PROVISIONAL' = 'FINAL'): ObservationInsert {
  const subjectKind = metric === 'RACKS_IN_USE' ? 'DATA_CENTER' : 'REGION';
  return observationRow(metric, subjectKind, subjectId, period, value, status);
}

export { observation };
