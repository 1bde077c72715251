import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { getNamedType, GraphQLError, Kind, TypeInfo, visit, visitWithTypeInfo, type GraphQLScalarType, type ValueNode } from 'graphql';
import { DateScalar, DateTimeScalar } from '../lib/scalars.ts';

/**
 * The scalars whose form the gateway checks before planning. A supergraph's custom scalars reach a gateway without
 * their parsers, so `asOf: "yesterday"` would travel to the subgraphs and come back as their validation errors in an
 * HTTP 200. Register inputs (`CalendarDay`, `Amount`) are left to the rows that carry them.
 */
const CHECKED: Record<string, GraphQLScalarType> = { DateTime: DateTimeScalar, Date: DateScalar };

/** The values an argument holds: its literal, or its variable's value, each entry of a list on its own. */
function valuesOf(node: ValueNode, variables: Record<string, unknown>): unknown[] {
  switch (node.kind) {
    case Kind.VARIABLE: {
      const value = variables[node.name.value];
      return value == null ? [] : Array.isArray(value) ? value.filter((v) => v != null) : [value];
    }
    case Kind.LIST:
      return node.values.flatMap((v) => valuesOf(v, variables));
    case Kind.NULL:
      return [];
    case Kind.STRING:
    case Kind.ENUM:
    case Kind.BOOLEAN:
      return [node.value];
    case Kind.INT:
    case Kind.FLOAT:
      return [Number(node.value)];
    default:
      return [node]; // an object literal: no form of a date
  }
}

/** Refuses an argument that is not a valid `DateTime` or `Date` with `INVALID_ARGUMENT` (HTTP 400), naming the argument. */
export function scalarArgumentsPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request }) {
          const typeInfo = new TypeInfo(schema);
          const variables = request.variables ?? {};
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              Argument(node) {
                const argument = typeInfo.getArgument();
                const scalar = argument && CHECKED[getNamedType(argument.type).name];
                if (!scalar) return;
                for (const value of valuesOf(node.value, variables)) {
                  try {
                    scalar.parseValue(value);
                  } catch (error) {
                    throw new GraphQLError(`Argument \`${node.name.value}\`: ${(error as Error).message}`, {
                      extensions: { code: 'INVALID_ARGUMENT', argument: node.name.value, http: { status: 400 } },
                    });
                  }
                }
              },
            }),
          );
        },
      };
    },
  };
}
