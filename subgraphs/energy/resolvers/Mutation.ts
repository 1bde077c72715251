import { observationFields } from '../../../lib/writes/resolvers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { importBatch } from '../tables.ts';
import { observationStore } from '../writes.ts';

const fields = observationFields(observationStore, importBatch);

export const Mutation: MutationResolvers = {
  submitEnergyObservations: fields.submit,
};

/** The change log of the same store; as-of reads are `energyObservations(asOf:)`. */
export const historyQueries: Pick<QueryResolvers, 'energyObservationChanges'> = {
  energyObservationChanges: fields.changes,
};
