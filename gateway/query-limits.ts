import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../lib/config.ts';

/**
 * Validation rules that refuse an operation too deep or too aliased for the public gateway (GraphQL Armor).
 * The refusal is a validation error (`GRAPHQL_VALIDATION_FAILED`, HTTP 400) whose `extensions.limit` names
 * the setting exceeded and `extensions.max` its value. Size is bounded elsewhere: list arguments by
 * `first` ≤ 500 and grids by MAX_GRID_CELLS, documents by `maxTokens` in the parser.
 */
export function queryLimitRules({ maxDepth, maxAliases }: QueryLimits): ValidationRule[] {
  // Reported through onReject instead of thrown, so the error carries which limit and what to do.
  const refuse = (limit: string, max: number, advice: string) => ({
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(`${error.message.replace(/^Syntax Error: /, '')} ${advice}`, { extensions: { limit, max } })),
    ],
  });
  return [
    maxDepthRule({ n: maxDepth, ...refuse('QUERY_MAX_DEPTH', maxDepth, 'Ask for fewer nested levels, or split the query.') }),
    maxAliasesRule({
      n: maxAliases,
      ...refuse(
        'QUERY_MAX_ALIASES',
        maxAliases,
        'Send fewer aliased fields: one indicatorValues or indicatorCube call takes many codes, regions and years at once.',
      ),
    }),
  ];
}
