import { ErrorCode, UserInputError } from '../../lib/errors.ts';
import { METRICS } from './metrics.ts';

export function unknownMetric(code: string, argument = 'metric'): UserInputError {
  return new UserInputError(
    ErrorCode.UNKNOWN_METRIC,
    `Unknown energy metric "${code}" in \`${argument}\`: use a code listed by \`energyMetrics\`, one of ${Object.keys(METRICS).join(', ')}.`,
    { argument, value: code },
  );
}
