import type { TypedDocumentString } from './generated/graphql.ts';

/** A GraphQL error as the gateway sends it: the message and its stable `extensions.code`. */
export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

export interface GraphQLResponseBody {
  data?: unknown;
  errors?: GraphQLErrorBody[];
}

/** Sends one operation to the gateway (over HTTP, or through the gateway's own request pipeline) and returns its answer. */
export type Transport = (body: { query: string; variables: Record<string, unknown> }) => Promise<{ status: number; body: GraphQLResponseBody }>;

/** The gateway refused an operation or answered with errors: the first error's code, message and other extensions, the HTTP status. */
export class OperationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

/**
 * Runs a typed operation and returns its data. Any GraphQL error fails the whole request: a published
 * table is either complete or not produced (a partial answer would print nulls as if they were figures).
 */
export async function request<R, V extends Record<string, unknown>>(transport: Transport, document: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const { status, body } = await transport({ query: document.toString(), variables });
  const first = body.errors?.[0];
  if (first)
    throw new OperationError(typeof first.extensions?.code === 'string' ? first.extensions.code : 'GRAPHQL_ERROR', first.message, status, first.extensions);
  if (body.data == null) throw new OperationError('NO_DATA', `The gateway answered HTTP ${status} without data`, status);
  return body.data as R;
}

/** A transport over HTTP to a gateway's `/graphql`, with the caller's Authorization header. */
export function httpTransport(url: string, authorization?: string): Transport {
  return async (body) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(body),
      });
    } catch (error) {
      // undici says only "fetch failed"; its cause says why (ECONNREFUSED, ENOTFOUND, …).
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new OperationError(
        'GATEWAY_UNREACHABLE',
        `Cannot reach the gateway at ${url} (${cause?.code ?? cause?.message ?? String(error)}): is it running? Set GATEWAY_URL or --gateway to where it listens.`,
        0,
      );
    }
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as GraphQLResponseBody };
    } catch {
      return {
        status: response.status,
        body: { errors: [{ message: `The gateway answered HTTP ${response.status} without JSON`, extensions: { code: 'BAD_RESPONSE' } }] },
      };
    }
  };
}
