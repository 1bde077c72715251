import { describe, expect, it } from 'vitest';
import { fromDatabaseDriver } from '../lib/last-resort.ts';

const thrownAt = (frame: string) =>
  Object.assign(new TypeError("Cannot read properties of null (reading 'write')"), {
    stack: `TypeError: Cannot read properties of null (reading 'write')\n    at ${frame}\n    at process.processImmediate (node:internal/timers:485:21)`,
  });

describe('the last-resort policy', () => {
  it('recognises an exception thrown inside postgres.js as the driver’s, which the service survives', () => {
    expect(fromDatabaseDriver(thrownAt('Immediate.nextWrite (file:///app/node_modules/postgres/src/connection.js:255:22)'))).toBe(true);
  });

  it('treats an exception from our own code, or one merely passing through the driver, as fatal', () => {
    expect(fromDatabaseDriver(thrownAt('loadRows (file:///app/subgraphs/energy/repository.ts:10:3)'))).toBe(false);
    // The innermost frame decides: our callback called by the driver is our bug.
    expect(
      fromDatabaseDriver(
        Object.assign(new Error('x'), {
          stack: 'Error: x\n    at mine (file:///app/lib/x.ts:1:1)\n    at handle (file:///app/node_modules/postgres/src/connection.js:1:1)',
        }),
      ),
    ).toBe(false);
    expect(fromDatabaseDriver('a string')).toBe(false);
  });
});
