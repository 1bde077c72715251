import type { Db } from '../../db/connection.ts';
import { registerAt } from '../../lib/registers/as-of.ts';
import { clusters, dataCenters, zones } from './registers.ts';
import type { ClusterRow, DataCenterRow, ZoneRow } from './repository.ts';
import { cluster, dataCenter, zone } from './tables.ts';

/** bigdata's registers as they stood at one instant. */
export interface RegistersAt {
  dataCenters: DataCenterRow[];
  dataCenter: Map<string, DataCenterRow>;
  cluster: Map<string, ClusterRow>;
  zone: Map<string, ZoneRow>;
}

/**
 * Per request, each instant's registers read once (three statements) for every as-of value, scope
 * and data-centre year that asks. Whole registers, since as-of reads come from report generators
 * asking for many scopes at once; current reads keep their narrow queries.
 */
export function registersAtLoader(db: Db): (instant: Date) => Promise<RegistersAt> {
  const read = new Map<string, Promise<RegistersAt>>();
  return (instant) => {
    const key = instant.toISOString();
    let found = read.get(key);
    if (!found) {
      found = Promise.all([registerAt(db, dataCenter, dataCenters, instant), registerAt(db, cluster, clusters, instant), registerAt(db, zone, zones, instant)]).then(([d, c, z]) => ({
        dataCenters: d,
        dataCenter: new Map(d.map((r) => [r.id, r])),
        cluster: new Map(c.map((r) => [r.id, r])),
        zone: new Map(z.map((r) => [r.id, r])),
      }));
      read.set(key, found);
    }
    return found;
  };
}
