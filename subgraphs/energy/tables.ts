import { boolean, date, doublePrecision, index, pgSchema, text } from 'drizzle-orm/pg-core';
import { observationTable } from '../../db/observation-table.ts';
import { regionTable } from '../../db/region-table.ts';
import { importBatchTable, registerRevisionTable } from '../../db/write-tables.ts';

export const energy = pgSchema('energy');

export const region = regionTable(energy);

/** Applied write batches (idempotency) and the history of every register change. */
export const importBatch = importBatchTable(energy);
export const registerRevision = registerRevisionTable(energy);

/** Every number the bureau holds (metered kWh, tce, renewables); metric codes are in metrics.ts. */
export const observation = observationTable(energy);

/** The PV register (光伏装机): one row per installation, whoever owns the building. */
export const pvInstallation = energy.table(
  'pv_installation',
  {
    id: text('id').primaryKey(),
    /** County-level region where the panels stand. */
    regionCode: text('region_code').notNull(),
    /** Owning enterprise by unified social credit code; the enterprise itself is econ's. */
    enterpriseUscc: text('enterprise_uscc').notNull(),
    /** Installed peak capacity, kWp. */
    capacityKw: doublePrecision('capacity_kw').notNull(),
    commissionedOn: date('commissioned_on', { mode: 'string' }).notNull(),
    /** Rooftop (counts towards the rooftop PV ratio of seed 003) or ground, carport, façade. */
    onRoof: boolean('on_roof').notNull(),
    /** Roof area covered, m²; null for installations not on a roof or not surveyed. */
    roofAreaM2: doublePrecision('roof_area_m2'),
  },
  (t) => [index().on(t.regionCode), index().on(t.enterpriseUscc), index().on(t.commissionedOn)],
);
