import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { requireReader, type Viewer } from '../auth/viewer.ts';
import type { Agency } from '../agencies.ts';
import type { RegionDirectory } from '../regions/directory.ts';
import { withheldRegionYears, type EmbargoGate } from '../embargo.ts';
import type { Db } from '../../db/connection.ts';
import type { ImportBatchTable } from '../../db/write-tables.ts';
import type { BatchArgs } from './batch.ts';
import { observationChanges, observationsAsOf, type ObservationFilter, type PageArgs } from './history.ts';
import { submitObservations, type ObservationInput, type ObservationStore } from './observations.ts';

interface WriteContext {
  db: Db;
  viewer: Viewer;
  regions: RegionDirectory;
  embargo: EmbargoGate;
}

/**
 * The three observation fields every agency exposes under its own names (federation root fields
 * must not collide): submit<Agency>Observations, <agency>Observations and <agency>ObservationChanges.
 */
export function observationFields(store: ObservationStore, batches: ImportBatchTable) {
  return {
    submit: (_: unknown, args: BatchArgs & { rows: readonly ObservationInput[] }, ctx: WriteContext) =>
      submitObservations(store, { db: ctx.db, viewer: ctx.viewer, regions: ctx.regions, batches }, args.rows, args),
    observations: (
      _: unknown,
      args: ObservationFilter & PageArgs & { asOf?: Date | null; subjectKind?: string | null },
      ctx: WriteContext,
      info?: GraphQLResolveInfo,
    ) => {
      if (info) requireAuditReader(info, ctx.viewer, store.agency);
      return observationsAsOf(ctx.db, store.table, batches, store.agency, ctx.viewer, args, args, withheldRegionYears(ctx.embargo, ctx.regions));
    },
    changes: (_: unknown, args: ObservationFilter & PageArgs & { updatedAfter?: Date | null; author?: string | null }, ctx: WriteContext) =>
      observationChanges(ctx.db, store.table, batches, store.agency, ctx.viewer, args, args),
  };
}

/**
 * Refuses a read of an agency's observations that selects an audit field, unless the caller has the reader role or the
 * agency's own token. Regional figures are public; who wrote them, with which key and batch, is the audit trail the
 * change log guards. Used by every agency's observations read (`<agency>Observations`, energy's `energyObservations`).
 */
export function requireAuditReader(info: GraphQLResolveInfo, viewer: Viewer, agency: Agency): void {
  if (selectsAuditFields(info)) requireReader(viewer, agency, `The audit fields of ${agency}'s observations (${AUDIT_FIELDS.join(', ')})`);
}

/** `ObservationRevision` (and `EnergyObservation`) fields that tell who wrote a figure, from which system, in which batch. */
const AUDIT_FIELDS = ['author', 'authorAgency', 'sourceSystem', 'idempotencyKey', 'batchId'] as const;
const AUDIT = new Set<string>(AUDIT_FIELDS);

/** Whether an observations read's selection asks for an audit field (through fragments too): no other type in its result has these names. */
function selectsAuditFields(info: GraphQLResolveInfo): boolean {
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return AUDIT.has(selection.name.value) || visit(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      return visit(info.fragments[selection.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
