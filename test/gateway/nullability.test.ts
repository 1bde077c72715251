import { Kind, parse, print, type ConstDirectiveNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../../gateway/supergraph.ts';

// A subgraph that is down turns every field it resolves into null with an error. A non-null field then
// nulls its parent, and so on up: one agency's outage would wipe out what the others answered. So every
// root field, and every field one subgraph adds to another's entity, must be nullable.

const argument = (directive: ConstDirectiveNode, name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
const directives = (node: { directives?: readonly ConstDirectiveNode[] | undefined }, name: string) =>
  (node.directives ?? []).filter((d) => d.name.value === name);
const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));

/** The subgraphs that resolve a field: its `@join__field` graphs (external ones excepted), or every graph of its type. */
function graphsOf(field: FieldDefinitionNode, typeGraphs: string[]): string[] {
  const joins = directives(field, 'join__field');
  if (joins.length === 0) return typeGraphs;
  return joins.filter((d) => !(argument(d, 'external') && print(argument(d, 'external')!) === 'true')).map((d) => print(argument(d, 'graph')!));
}

const supergraph = parse(readSupergraph());
const objects = supergraph.definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION);
const query = objects.find((o) => o.name.value === 'Query')!;
const typeGraphsOf = (object: ObjectTypeDefinitionNode) => [...new Set(directives(object, 'join__type').map((d) => print(argument(d, 'graph')!)))];

/**
 * Whose entity a type is: the subgraph whose root field returns it (a cube belongs to bigdata, which answers
 * `indicatorCube`), else the first subgraph that can resolve its key.
 */
function ownerOf(object: ObjectTypeDefinitionNode): string | undefined {
  const root = query.fields?.find((f) => named(f.type) === object.name.value);
  if (root) return graphsOf(root, typeGraphsOf(query))[0];
  const keyed = directives(object, 'join__type').find(
    (d) => argument(d, 'key') && !(argument(d, 'resolvable') && print(argument(d, 'resolvable')!) === 'false'),
  );
  return keyed && print(argument(keyed, 'graph')!);
}

describe('the composed supergraph keeps one subgraph’s outage from nulling the others’ answers', () => {
  it('declares every root field nullable', () => {
    const nonNull = (query.fields ?? []).filter((f) => f.type.kind === Kind.NON_NULL_TYPE).map((f) => `Query.${f.name.value}: ${print(f.type)}`);
    expect(nonNull).toEqual([]);
  });

  it('declares every field a subgraph adds to another subgraph’s entity nullable', () => {
    const offenders: string[] = [];
    let checked = 0;
    for (const object of objects) {
      if (object.name.value === 'Query' || object.name.value === 'Mutation') continue;
      if (!directives(object, 'join__type').some((d) => argument(d, 'key'))) continue;
      const owner = ownerOf(object);
      const typeGraphs = typeGraphsOf(object);
      for (const field of object.fields ?? []) {
        const graphs = graphsOf(field, typeGraphs);
        if (owner === undefined || graphs.includes(owner)) continue;
        checked += 1;
        if (field.type.kind === Kind.NON_NULL_TYPE)
          offenders.push(`${object.name.value}.${field.name.value}: ${print(field.type)} (added by ${graphs.join(', ')} to ${owner}'s entity)`);
      }
    }
    // The check has something to check: comms' rackUsage on DataCenter, energy's readings, the cube's columns, …
    expect(checked).toBeGreaterThan(30);
    expect(offenders).toEqual([]);
  });
});
