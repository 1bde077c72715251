import { describe, expect, it } from 'vitest';
import { indicatorValueRequires, withGeneratedRequires } from '../lib/indicators/requires.ts';

// `npm run codegen` writes the catalog's selections into the SDL; test/generated.process.test.ts then checks the committed
// SDL is what it writes, which proves nothing if the rewrite finds no `@requires` to replace.
describe('the generated @requires selections', () => {
  it('replace a selection printed over several lines, as graphql-js prints a long directive, and one on the field line', () => {
    const sdl = [
      'type IndicatorValue @key(fields: "indicatorCode scopeKind scopeId year asOf") {',
      '  """',
      '  The value; null when unknown. A description line: value: Float @requires(fields: "not a field")',
      '  """',
      '  value: Float',
      '    @requires(',
      '      fields: "stale { selection }"',
      '    )',
      '  """One line."""',
      '  numerator: Float @requires(fields: "stale")',
      '}',
    ].join('\n');
    const selection = indicatorValueRequires(undefined, { checks: false });
    const lines = withGeneratedRequires(sdl).split('\n');
    expect(lines[2]).toBe(sdl.split('\n')[2]);
    expect(lines[6]).toBe(`      fields: "${selection}"`);
    expect(lines[9]).toBe(`  numerator: Float @requires(fields: "${selection}")`);
  });
});
