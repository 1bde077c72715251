// `npm run -s token -- --agency energy --role writer [--role reader] [--subject name] [--expires 8h]`:
// prints a bearer token signed with JWT_SECRET (or the development secret), for development and tests.
import { parseArgs } from 'node:util';
import { AGENCIES, isAgency } from '../lib/agencies.ts';
import { mintToken } from '../lib/auth/tokens.ts';
import { ROLES, type Role } from '../lib/auth/viewer.ts';

const USAGE = `usage: npm run -s token -- [--agency <${AGENCIES.join('|')}>] --role <${ROLES.join('|')}> [--role …] [--subject name] [--expires 8h]`;

try {
  const { values } = parseArgs({
    options: {
      agency: { type: 'string' },
      role: { type: 'string', multiple: true, default: [] },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
    strict: true,
  });
  const { agency, role: roles } = values;
  if (agency !== undefined && !isAgency(agency)) throw new Error(`Unknown agency "${agency}": use one of ${AGENCIES.join(', ')}.`);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new Error(`Unknown role(s) ${unknown.join(', ')}: roles are ${ROLES.join(', ')}.`);
  if (roles.length === 0 && agency === undefined)
    throw new Error('Give an --agency, a --role, or both: a token with neither may do nothing an anonymous caller cannot.');
  // A writer writes its own agency's facts: without an agency the role grants nothing.
  if (roles.includes('writer') && agency === undefined) throw new Error("A writer writes one agency's facts: give its --agency too.");
  const subject = values.subject ?? `dev-${agency ?? 'gov'}-${roles.join('+') || 'agency'}`;
  console.log(await mintToken({ subject, agency, roles: roles as Role[], expiresIn: values.expires }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  console.error(USAGE);
  process.exit(2);
}
