import { ErrorCode, UserInputError } from './errors.ts';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;

/** Validates `first`; a page larger than the cap is refused rather than silently truncated. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) {
    throw new UserInputError(ErrorCode.INVALID_PAGE_SIZE, `\`first\` must be a non-negative integer, got ${first}.`, {
      argument: 'first',
      value: first,
    });
  }
  if (first > MAX_PAGE_SIZE) {
    throw new UserInputError(
      ErrorCode.PAGE_SIZE_TOO_LARGE,
      `\`first\` is ${first} but at most ${MAX_PAGE_SIZE} items can be fetched per page: page through with \`after\` and \`pageInfo.endCursor\`.`,
      { argument: 'first', value: first },
    );
  }
  return first;
}

/** Cursors are opaque to clients: base64url of the sort key, versioned so their format can change. */
export function encodeCursor(sortKey: string): string {
  return Buffer.from(`v1:${sortKey}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  const decoded = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!decoded.startsWith('v1:') || decoded.length === 3) {
    throw new UserInputError(
      ErrorCode.INVALID_CURSOR,
      `\`after\` is not a cursor this API issued: pass \`pageInfo.endCursor\` from the previous page unchanged.`,
      { argument: 'after', value: cursor },
    );
  }
  return decoded.slice(3);
}

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

/** Builds a connection from a page fetched with one extra row (`limit + 1`) to learn `hasNextPage`. */
export function toConnection<T>(rows: T[], limit: number, totalCount: number, sortKey: (row: T) => string): Connection<T> {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(sortKey(node)), node }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
