import { defaultFieldResolver, GraphQLError, isObjectType, Kind, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import type { Agency } from '../agencies.ts';
import type { RequestAuth } from './tokens.ts';
import { AuthErrorCode, forbidden, unauthenticated, type Viewer } from './viewer.ts';

/**
 * `@unitLevel` marks a named unit's own measured figures (a data centre's kWh, a core room's PUE, an
 * enterprise's tce). Each subgraph declares it next to its @link header and composes it into the
 * supergraph with @composeDirective; the subgraphs enforce it on their resolvers and the gateway on
 * the caller's operation.
 */
export const UNIT_LEVEL_DIRECTIVE = 'unitLevel';

export interface UnitLevelRule {
  /** The field is public on objects whose `subjectKind` is this (a region's total is an aggregate). */
  exceptSubjectKind: string | null;
}

/** The directive's arguments on a field, or undefined when the field is not unit-level. */
export function unitLevelRule(directives: readonly ConstDirectiveNode[] | undefined): UnitLevelRule | undefined {
  const directive = directives?.find((d) => d.name.value === UNIT_LEVEL_DIRECTIVE);
  if (!directive) return undefined;
  const except = directive.arguments?.find((a) => a.name.value === 'exceptSubjectKind')?.value;
  return { exceptSubjectKind: except?.kind === Kind.STRING ? except.value : null };
}

export interface UnitLevelField {
  /** Schema coordinate, e.g. `DataCenterYear.pue`. */
  field: string;
  /** Agencies whose own tokens may read it without the reader role; empty when only readers may (indicators). */
  owners: readonly Agency[];
}

export function mayRead(viewer: Viewer, field: UnitLevelField): boolean {
  return viewer.roles.includes('reader') || (viewer.agency !== null && field.owners.includes(viewer.agency));
}

/** One error naming every field the viewer may not read and what would let it; null when it may read them all. */
export function unitLevelRefusal(viewer: Viewer, fields: readonly UnitLevelField[]): GraphQLError | null {
  const refused = fields.filter((f) => !mayRead(viewer, f));
  if (refused.length === 0) return null;
  const named = refused.map((f) => (f.owners.length > 0 ? `${f.field} (owned by ${f.owners.join(', ')})` : f.field)).join(', ');
  const owners = [...new Set(refused.flatMap((f) => f.owners))].join(', ');
  const is = `${named} ${refused.length > 1 ? 'are' : 'is'} unit-level data`;
  const details = { requiredRole: 'reader', fields: refused.map((f) => ({ field: f.field, owningAgencies: f.owners })) };
  if (viewer.subject === null) {
    const error = unauthenticated(`${is}: send a bearer token with the "reader" role${owners ? ` or one of the owning agency (${owners})` : ''}.`);
    return new GraphQLError(error.message, { extensions: { ...error.extensions, ...details } });
  }
  const token = `the token of "${viewer.subject}" (agency ${viewer.agency ?? 'none'}, roles ${viewer.roles.join(', ') || 'none'})`;
  return forbidden(`${is}: ${token} ${owners ? `has neither the "reader" role nor the owning agency (${owners})` : 'lacks the "reader" role'}.`, details);
}

/**
 * Wraps the resolver (the default one included) of every @unitLevel field of a subgraph schema: it answers on the
 * caller's own token, forwarded by the gateway, whoever relays the request. No gateway fetch needs more: the inputs
 * of a public aggregate are the owners' totals (lib/indicators/owner-sums.ts), never unit-level fields. A rule that depends on the data (`exceptSubjectKind`) lets the
 * exempt rows through.
 */
export function enforceUnitLevel(schema: GraphQLSchema, owner: Agency | null): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = unitLevelRule(field.astNode?.directives);
      if (!rule) continue;
      const target: UnitLevelField = { field: `${type.name}.${field.name}`, owners: owner ? [owner] : [] };
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: RequestAuth, info) => {
        const dataDependent = rule.exceptSubjectKind !== null;
        if (dataDependent && (source as { subjectKind?: unknown } | null)?.subjectKind === rule.exceptSubjectKind) return resolve(source, args, context, info);
        const refusal = unitLevelRefusal(context.viewer, [target]);
        if (refusal) throw asFieldError(refusal);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** A refused field is null with an error beside it, as GraphQL does for any field error; the response stays HTTP 200. */
function asFieldError(error: GraphQLError): GraphQLError {
  const { http: _http, ...extensions } = error.extensions;
  return new GraphQLError(error.message, { extensions: { ...extensions, code: extensions.code ?? AuthErrorCode.FORBIDDEN } });
}
