import { GraphQLError } from 'graphql';
import type { Agency } from '../agencies.ts';

/**
 * Roles a token may carry. `writer` pushes its own agency's facts; `reader` is a government reader
 * who may see unit-level data (a named enterprise's or data centre's energy figures).
 */
export const ROLES = ['writer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as established from a verified bearer token; anonymous callers have no subject. */
export interface Viewer {
  subject: string | null;
  agency: Agency | null;
  roles: readonly Role[];
}

export const ANONYMOUS: Viewer = Object.freeze({ subject: null, agency: null, roles: [] });

export const AuthErrorCode = {
  /** No token, or a token that does not verify (expired, wrong signature, wrong audience). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A valid token whose agency or roles do not allow the operation. */
  FORBIDDEN: 'FORBIDDEN',
} as const;

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: AuthErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

export function forbidden(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: AuthErrorCode.FORBIDDEN, http: { status: 403 }, ...details } });
}

/** Only a writer of the owning agency may change that agency's facts. */
export function requireWriter(viewer: Viewer, agency: Agency): asserts viewer is Viewer & { subject: string; agency: Agency } {
  if (viewer.subject === null) throw unauthenticated(`Writing to the ${agency} subgraph needs a bearer token of a writer of ${agency}.`);
  if (viewer.agency !== agency || !viewer.roles.includes('writer')) {
    throw forbidden(
      `The token of "${viewer.subject}" (agency ${viewer.agency ?? 'none'}, roles ${viewer.roles.join(', ') || 'none'}) may not write ${agency} facts: only a writer of ${agency} may.`,
      {
        requiredAgency: agency,
        requiredRole: 'writer',
      },
    );
  }
}

/** What only a government reader or the owning agency itself may read: a named unit's figures, an agency's audit trail. */
export function requireReader(viewer: Viewer, agency: Agency, what: string): void {
  if (viewer.roles.includes('reader') || viewer.agency === agency) return;
  const rule = `${what}: only a government reader or ${agency} itself may read this`;
  if (viewer.subject === null) throw unauthenticated(`${rule}; send a bearer token with the "reader" role, or one of ${agency}.`);
  throw forbidden(`${rule}, and the token of "${viewer.subject}" has neither the "reader" role nor agency ${agency}.`, {
    requiredRole: 'reader',
  });
}
