import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * What a failed `_entities` fetch answers instead of nothing: each entity with every field asked of it
 * null. Left unanswered, Apollo's gateway drops the entities from every later fetch whose `@requires`
 * reads the missing fields (an `indicatorCube` with comms down never reaches the indicators subgraph,
 * and the whole cube is null); nested in a list, each unanswered entity turns into null (the units of an
 * indicator value with energy down), which the formula engine cannot read. Null fields reach the
 * indicators subgraph instead, which reports the values that read them as missing, and evaluates the
 * others as usual. Client-selected fields still become null with the subgraph's error, as GraphQL says.
 */
export function nullEntities(query: string, representations: readonly unknown[]): { _entities: Record<string, unknown>[] } {
  const document = parse(query);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const entities = entitiesSelection(document);
  const fieldsByType = new Map<string, string[]>();
  return {
    _entities: representations.map((representation) => {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      const type = typeof typename === 'string' ? typename : '';
      let fields = fieldsByType.get(type);
      if (!fields) fieldsByType.set(type, (fields = entities ? responseNames(entities, type, fragments) : []));
      return Object.fromEntries([['__typename', type], ...fields.filter((f) => f !== '__typename').map((f) => [f, null])]);
    }),
  };
}

/** Whether a subgraph fetch is an entity fetch (the only kind another fetch can depend on). */
export function isEntityFetch(variables: Record<string, unknown> | undefined): variables is { representations: unknown[] } {
  return Array.isArray(variables?.representations);
}

function entitiesSelection(document: DocumentNode): SelectionSetNode | undefined {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const selection of definition.selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === '_entities') return selection.selectionSet;
    }
  }
  return undefined;
}

/** The response names selected on entities of `type`, through inline fragments and named ones. */
function responseNames(selectionSet: SelectionSetNode, type: string, fragments: Map<string, FragmentDefinitionNode>): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.alias?.value ?? selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (!selection.typeCondition || selection.typeCondition.name.value === type) names.push(...responseNames(selection.selectionSet, type, fragments));
    } else {
      const fragment = fragments.get(selection.name.value);
      if (fragment && fragment.typeCondition.name.value === type) names.push(...responseNames(fragment.selectionSet, type, fragments));
    }
  }
  return [...new Set(names)];
}
