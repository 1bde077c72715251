import { ErrorCode, UserInputError } from './errors.ts';

/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015: 18 characters from a 31-letter
 * alphabet (no I, O, S, V, Z), the last one a mod-31 check character over the first 17.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`"${first17.charAt(i)}" is not in the USCC alphabet`);
    sum += value * WEIGHTS[i]!;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export type UsccProblem = 'LENGTH' | 'ALPHABET' | 'CHECK_CHARACTER';

/** Why a code is not a valid USCC, or null when it is. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'LENGTH';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'ALPHABET';
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'CHECK_CHARACTER';
}

/** GB 11714 organisation-code check digit, for the 9th–17th characters of a generated USCC. */
function organisationCheck(body8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body8.charAt(i)) * weights[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Builds a valid USCC for an enterprise registered by market regulation (9) as a company (1). */
export function makeUscc(regionCode: string, serial8: string): string {
  const first17 = `91${regionCode}${serial8}${organisationCheck(serial8)}`;
  return first17 + usccCheckCharacter(first17);
}

const EXPLANATIONS: Record<UsccProblem, string> = {
  LENGTH: 'a unified social credit code has exactly 18 characters',
  ALPHABET: `a unified social credit code uses only digits and the capitals ${USCC_ALPHABET.slice(10)} (no I, O, S, V, Z)`,
  CHECK_CHARACTER: 'its 18th character is not the GB 32100 check character of the first 17 (mistyped character?)',
};

/** Why `code` is not a valid USCC, as a message naming the code and the problem; null when it is valid. */
export function usccMistake(code: string): string | null {
  const problem = usccProblem(code);
  return problem && `"${code}" is not a valid unified social credit code: ${EXPLANATIONS[problem]}.`;
}

/** Returns the code unchanged when valid, otherwise throws INVALID_USCC naming the length, alphabet or check-character problem. */
export function requireUscc(value: string, argument = 'uscc'): string {
  const problem = usccProblem(value);
  if (problem) throw new UserInputError(ErrorCode.INVALID_USCC, `\`${argument}\` ${usccMistake(value)}`, { argument, value, problem });
  return value;
}
