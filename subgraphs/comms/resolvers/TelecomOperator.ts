import type { TelecomOperatorResolvers } from '../resolvers.generated.ts';

export const TelecomOperator: TelecomOperatorResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.operator.load(ref.id),
};
