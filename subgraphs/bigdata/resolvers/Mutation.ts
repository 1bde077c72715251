import { observationFields } from '../../../lib/writes/resolvers.ts';
import type { MutationResolvers, QueryResolvers } from '../resolvers.generated.ts';
import { importBatch } from '../tables.ts';
import { observationStore } from '../writes.ts';

const fields = observationFields(observationStore, importBatch);

export const Mutation: MutationResolvers = {
  submitBigdataObservations: fields.submit,
};

/** The read side of the same store: as-of reads and the change log. */
export const historyQueries: Pick<QueryResolvers, 'bigdataObservations' | 'bigdataObservationChanges'> = {
  bigdataObservations: fields.observations,
  bigdataObservationChanges: fields.changes,
};
