import type { Viewer } from '../auth/viewer.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import type { Db } from '../../db/connection.ts';
import type { ImportBatchTable } from '../../db/write-tables.ts';
import type { BatchArgs } from './batch.ts';
import { observationChanges, observationsAsOf, type ObservationFilter, type PageArgs } from './history.ts';
import { submitObservations, type ObservationInput, type ObservationStore } from './observations.ts';

interface WriteContext {
  db: Db;
  viewer: Viewer;
  regions: RegionDirectory;
}

/**
 * The three observation fields every agency exposes under its own names (federation root fields
 * must not collide): submit<Agency>Observations, <agency>Observations and <agency>ObservationChanges.
 */
export function observationFields(store: ObservationStore, batches: ImportBatchTable) {
  return {
    submit: (_: unknown, args: BatchArgs & { rows: readonly ObservationInput[] }, ctx: WriteContext) =>
      submitObservations(store, { db: ctx.db, viewer: ctx.viewer, regions: ctx.regions, batches }, args.rows, args),
    observations: (_: unknown, args: ObservationFilter & PageArgs & { asOf?: Date | null; subjectKind?: string | null }, ctx: WriteContext) =>
      observationsAsOf(ctx.db, store.table, store.agency, ctx.viewer, args, args),
    changes: (_: unknown, args: ObservationFilter & PageArgs & { updatedAfter?: Date | null; author?: string | null }, ctx: WriteContext) =>
      observationChanges(ctx.db, store.table, store.agency, ctx.viewer, args, args),
  };
}
