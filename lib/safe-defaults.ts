import { ApolloServerErrorCode } from '@apollo/server/errors';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { DisclosurePolicy } from './config.ts';
import { maskError } from './error-masking.ts';

/**
 * A request whose document holds several operations and names none (or names one it does not hold) is the
 * client's mistake: 400 with `OPERATION_RESOLUTION_FAILURE`, before the gateway plans anything (its
 * planner would fail it with a 500).
 */
const operationSelection: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const { operationName } = request;
        throw new GraphQLError(
          operationName
            ? `Unknown operation named "${operationName}": send the name of one of the document's operations.`
            : 'The document holds several operations: name the one to run in `operationName`.',
          {
            extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
          },
        );
      },
    };
  },
};

/**
 * The Apollo Server options every service runs with, from the disclosure policy (lib/config.ts): in
 * production no introspection, no "Did you mean" suggestions, no stack traces and no internal error text,
 * unless configured otherwise.
 */
export function safeApolloOptions(policy: DisclosurePolicy) {
  return {
    introspection: policy.introspection,
    hideSchemaDetailsFromClientErrors: !policy.suggestions,
    includeStacktraceInErrorResponses: policy.detailedErrors && process.env.NODE_ENV !== 'test',
    formatError: (formatted: Parameters<typeof maskError>[0]) => maskError(formatted, { detailed: policy.detailedErrors }),
    plugins: [operationSelection],
  };
}
