import type { GraphQLFormattedError } from 'graphql';

/**
 * Hosts and ports of our own network, and URLs or connection strings that would name them. A bracketed IPv6 host
 * holds a colon, which tells it from a list index in a variable's path (`rows[12].commissionedOn`).
 */
const INTERNAL_ADDRESS = /\b[a-z][a-z0-9+.-]*:\/\/\S+|\b(?:\d{1,3}\.){3}\d{1,3}(?::\d+)?\b|\[[0-9a-f]*:[0-9a-f:]*\](?::\d+)?|\blocalhost(?::\d+)?\b/gi;
/** A message with our own hosts, ports and URLs cut out: what a client may read of a failure's text. */
export const withoutAddresses = (text: string): string => text.replace(INTERNAL_ADDRESS, '(internal address)');

/** Codes of failures the client cannot act on: their text is for the service's log. */
const UNEXPECTED = new Set(['INTERNAL_SERVER_ERROR', 'DOWNSTREAM_SERVICE_ERROR']);
/** Extensions Apollo attaches that repeat a subgraph's response or a stack. */
const INTERNAL_EXTENSIONS = ['response', 'exception', 'stacktrace'];

/**
 * What a client sees of an error. Always: internal addresses are cut out of the message (a subgraph's URL, a
 * database host), and a subgraph's raw response is not passed on. With `detailed` false (production), an
 * unexpected error (`INTERNAL_SERVER_ERROR`, which may quote SQL or a driver's message) keeps its code and
 * path but says only that the service failed; the original goes to the log.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  { detailed, log = (e) => console.error(e) }: { detailed: boolean; log?: (error: unknown) => void },
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const extensions =
    formatted.extensions &&
    Object.fromEntries(Object.entries(formatted.extensions).filter(([key]) => (detailed ? key !== 'response' : !INTERNAL_EXTENSIONS.includes(key))));
  if (!detailed && (code === undefined || UNEXPECTED.has(String(code)))) {
    log(formatted);
    return {
      ...formatted,
      message: 'Internal error: the service could not complete this part of the request. It has been logged.',
      extensions: { ...extensions, code: code ?? 'INTERNAL_SERVER_ERROR' },
    };
  }
  return { ...formatted, message: withoutAddresses(formatted.message), ...(extensions ? { extensions } : {}) };
}
