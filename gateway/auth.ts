import type { ApolloServerPlugin } from '@apollo/server';
import {
  isAbstractType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { isAgency, type Agency } from '../lib/agencies.ts';
import { unitLevelRefusal, unitLevelRule, type UnitLevelField, type UnitLevelRule } from '../lib/auth/unit-level.ts';
import type { Viewer } from '../lib/auth/viewer.ts';

type UnitLevelEntry = UnitLevelField & { rule: UnitLevelRule };

function argument(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind === Kind.STRING || value?.kind === Kind.ENUM) return value.value;
  if (value?.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function joinGraphs(directives: readonly ConstDirectiveNode[] | undefined, directive: 'join__type' | 'join__field'): ConstDirectiveNode[] {
  return (directives ?? []).filter((d) => d.name.value === directive);
}

/**
 * The @unitLevel fields of a supergraph, keyed by schema coordinate, with the agencies that own them
 * (the subgraphs that resolve the field, not those that merely declare it @external for @requires).
 * The gateway's API schema drops composed directives, so they are read from the supergraph SDL.
 */
export function unitLevelFields(supergraphSdl: string): Map<string, UnitLevelEntry> {
  const document = parse(supergraphSdl);
  const graphName = new Map<string, string>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const join = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = join && argument(join, 'name');
      if (typeof name === 'string') graphName.set(value.name.value, name);
    }
  }
  const fields = new Map<string, UnitLevelEntry>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = joinGraphs(def.directives, 'join__type').map((d) => argument(d, 'graph'));
    for (const field of def.fields ?? []) {
      const rule = unitLevelRule(field.directives);
      if (!rule) continue;
      const joins = joinGraphs(field.directives, 'join__field');
      const graphs =
        joins.length > 0
          ? joins.filter((d) => argument(d, 'external') !== true && argument(d, 'usedOverridden') !== true).map((d) => argument(d, 'graph'))
          : typeGraphs;
      const owners = [...new Set(graphs.map((g) => graphName.get(String(g))).filter((n): n is Agency => n !== undefined && isAgency(n)))];
      const coordinate = `${def.name.value}.${field.name.value}`;
      fields.set(coordinate, { field: coordinate, owners, rule });
    }
  }
  return fields;
}

/**
 * The unit-level fields the operation selects, checked against the API schema with TypeInfo (through
 * fragments, and on every implementation of an abstract type). Fields whose rule depends on the data
 * (`exceptSubjectKind`) are left to the owning subgraph, which sees the data.
 */
export function selectedUnitLevelFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  restricted: ReadonlyMap<string, UnitLevelEntry>,
): UnitLevelField[] {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const found = new Map<string, UnitLevelField>();
  const queue: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  const spread = new Set<string>();
  for (let node = queue.pop(); node; node = queue.pop()) {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          const parent = typeInfo.getParentType();
          if (!parent) return;
          for (const type of isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent]) {
            const entry = restricted.get(`${type.name}.${field.name.value}`);
            if (entry && entry.rule.exceptSubjectKind === null) found.set(entry.field, { field: entry.field, owners: entry.owners });
          }
        },
        FragmentSpread(fragmentSpread) {
          const fragment = fragments.get(fragmentSpread.name.value);
          if (fragment && !spread.has(fragment.name.value)) {
            spread.add(fragment.name.value);
            queue.push(fragment);
          }
        },
      }),
    );
  }
  return [...found.values()];
}

/**
 * Refuses, before any subgraph is asked, an operation that selects unit-level fields the caller may
 * not read: one error naming them all, HTTP 401 for an anonymous caller and 403 otherwise. Also notes
 * the rule in each such field's description, where GraphiQL and BI tools show it.
 */
export function unitLevelPlugin(supergraphSdl: string): ApolloServerPlugin<{ viewer: Viewer }> {
  const restricted = unitLevelFields(supergraphSdl);
  return {
    async serverWillStart() {
      return {
        schemaDidLoadOrUpdate({ apiSchema }) {
          describeUnitLevelFields(apiSchema, restricted);
        },
      };
    },
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation) return;
          const refusal = unitLevelRefusal(contextValue.viewer, selectedUnitLevelFields(schema, document, operation, restricted));
          if (refusal) throw refusal;
        },
      };
    },
  };
}

const NOTE = 'Unit-level data (@unitLevel)';

function describeUnitLevelFields(schema: GraphQLSchema, restricted: ReadonlyMap<string, UnitLevelEntry>): void {
  for (const entry of restricted.values()) {
    const [typeName, fieldName] = entry.field.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field = type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    if (!field || field.description?.includes(NOTE)) continue;
    const who = entry.owners.length > 0 ? `the "reader" role or of the owning agency (${entry.owners.join(', ')})` : 'the "reader" role';
    const when = entry.rule.exceptSubjectKind ? ` unless subjectKind is ${entry.rule.exceptSubjectKind}` : '';
    field.description = `${field.description ?? ''}\n\n${NOTE}: needs a bearer token with ${who}${when}.`.trim();
  }
}
