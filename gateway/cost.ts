import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  GraphQLError,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { catalog } from '../lib/indicators/catalog.ts';

/**
 * Grid fields: cells = codes × scopes × years, each costing 1 + the inputs its indicator reads. A cube moves
 * each region's facts and unit-years once, in columns, and costs about a fifth of the per-cell API per grid
 * (see the README's benchmark): its cells weigh a fifth.
 */
const GRIDS: Record<string, { scopes: string; weight: number }> = {
  indicatorValues: { scopes: 'regions', weight: 1 },
  clusterIndicatorValues: { scopes: 'clusters', weight: 1 },
  indicatorCube: { scopes: 'regions', weight: 0.2 },
};

function perCell(code: string): number {
  const indicator = catalog().indicators.get(code);
  return indicator ? 1 + indicator.regionMetrics.length + [...indicator.refs.unit].length : 1;
}

const sizeOf = (value: unknown): number => (Array.isArray(value) ? value.length : value == null ? 0 : 1);

/**
 * What an operation will cost, from its document and variables alone (before planning or any fetch): a list
 * field with `first` costs that many times what each entry asks for, a grid its cells × inputs, any other
 * field 1 plus its selections. Introspection is free.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const allCodes = () => [...catalog().indicators.keys()];
  const cost = (type: GraphQLCompositeType, set: SelectionSetNode, spread: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        if (on && isCompositeType(on)) total += cost(on, selection.selectionSet, spread);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const on = fragment && schema.getType(fragment.typeCondition.name.value);
        if (fragment && on && isCompositeType(on) && !spread.has(fragment.name.value))
          total += cost(on, fragment.selectionSet, new Set([...spread, fragment.name.value]));
        continue;
      }
      if (selection.name.value.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[selection.name.value];
      if (!field) continue;
      let args: Record<string, unknown> = {};
      try {
        args = getArgumentValues(field, selection, variables);
      } catch {
        // Arguments that do not coerce fail validation with their own error; count the field once.
      }
      const grid = GRIDS[field.name];
      if (grid && type === root) {
        const codes = Array.isArray(args.codes) ? (args.codes as string[]) : allCodes();
        const cells = sizeOf(args[grid.scopes]) * sizeOf(args.years);
        total += Math.ceil(codes.reduce((sum, code) => sum + perCell(code), 0) * cells * grid.weight);
        continue;
      }
      const named = getNamedType(field.type);
      const inner = selection.selectionSet && isCompositeType(named) ? cost(named, selection.selectionSet, spread) : 0;
      const entries = typeof args.first === 'number' ? args.first : 1;
      total += entries * (1 + inner);
    }
    return total;
  };
  return root ? cost(root, operation.selectionSet, new Set()) : 0;
}

/** Refuses an operation over `maxCost` with `QUERY_TOO_COSTLY` (HTTP 400), naming its cost, before the gateway plans it. */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost <= maxCost) return;
          throw new GraphQLError(
            `The operation would cost ${cost}, over the limit of ${maxCost} (QUERY_MAX_COST): a grid costs its cells × (1 + the inputs each reads), a page its size × what each entry asks for. Ask for fewer cells (indicatorCube costs a fifth of indicatorValues per cell), smaller pages, or split the request.`,
            { extensions: { code: 'QUERY_TOO_COSTLY', cost, max: maxCost, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
