import type { Register } from '../../lib/writes/registers.ts';
import type { PvInstallationInput } from './resolvers.generated.ts';
import { importBatch, pvInstallation, registerRevision } from './tables.ts';

/**
 * The PV register. The owning enterprise is econ's, so only its USCC check character is verified here;
 * nothing in the bureau's database refers to an installation, so a DELETE always removes it.
 */
export const pvInstallations: Register<PvInstallationInput, typeof pvInstallation.$inferSelect> = {
  agency: 'energy',
  revisions: registerRevision,
  batches: importBatch,
  entity: 'PvInstallation',
  operation: 'upsertPvInstallations',
  table: pvInstallation,
  idField: 'id',
  parse(read) {
    const onRoof = read.boolean('onRoof');
    const roofAreaM2 = read.amount('roofAreaM2', { required: false, positive: true, max: 10_000_000 });
    if (onRoof === false && roofAreaM2 !== null)
      read.problem(
        'roofAreaM2',
        'INCONSISTENT_FIELDS',
        `an installation not on a roof covers no roof area (got ${roofAreaM2} m²); set onRoof true or leave roofAreaM2 out.`,
      );
    return {
      id: read.input.id,
      regionCode: read.region('regionCode', { level: 'COUNTY' })!,
      enterpriseUscc: read.uscc('enterpriseUscc')!,
      capacityKw: read.amount('capacityKw', { positive: true, max: 10_000_000 })!,
      commissionedOn: read.date('commissionedOn')!,
      onRoof: onRoof!,
      roofAreaM2,
    };
  },
};
