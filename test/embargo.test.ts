import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../lib/auth/viewer.ts';
import { EmbargoRegister, embargoGate, withheldRegionYears, type Embargo } from '../lib/embargo.ts';
import { readReleases } from '../lib/releases.ts';
import { REGION_CODES } from '../lib/regions/codes.ts';
import { RegionDirectory } from '../lib/regions/directory.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'embargo-register-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const release = (name: string, until: string) =>
  `  - { name: ${name}, title: "t", region: "500000", year: 2024, asOf: "2026-03-31T16:00:00Z", embargoUntil: "${until}" }\n`;

describe('the release register of a running service', () => {
  it('reads the file again when it changes, at most once per interval, and keeps the last good register when the new one is invalid', () => {
    const file = path.join(scratch, 'releases.yaml');
    writeFileSync(file, `releases:\n${release('first', '2099-01-01T00:00:00Z')}`);
    const errors: unknown[] = [];
    const register = new EmbargoRegister(file, { error: (...args: unknown[]) => void errors.push(args), info: () => {} } as never, 1_000);
    const names = (now: number) => register.current(now).map((e) => e.release);
    const t0 = Date.now();
    expect(names(t0)).toEqual(['first']);

    writeFileSync(file, `releases:\n${release('first', '2099-01-01T00:00:00Z')}${release('second', '2099-01-01T00:00:00Z')}`);
    utimesSync(file, new Date(), new Date(t0 + 5_000)); // a new modification time, whatever the clock's resolution
    // Within the interval the file is not looked at; after it, the new release is in force.
    expect(names(t0 + 500)).toEqual(['first']);
    expect(names(t0 + 1_600)).toEqual(['first', 'second']);

    writeFileSync(file, 'releases: [ { name: "Not A Name" } ]\n');
    utimesSync(file, new Date(), new Date(t0 + 10_000));
    expect(names(t0 + 3_200)).toEqual(['first', 'second']);
    expect(errors).toHaveLength(1);
  });
});

describe('the release register file', () => {
  const read = (asOf: string) => {
    const file = path.join(scratch, 'instants.yaml');
    writeFileSync(file, `releases:\n  - { name: a, title: "t", region: "500000", year: 2024, asOf: ${asOf} }\n`);
    return () => readReleases(file);
  };

  it.each([
    ['a day the calendar lacks', '"2026-02-30T00:00:00Z"'],
    ['an instant without its zone', '"2026-05-31T16:00:00"'],
    ['a date alone', '"2026-05-31"'],
  ])('refuses %s, naming the release and field', (_what, asOf) => {
    expect(read(asOf)).toThrow(/instants\.yaml: releases\.0\.asOf: not an ISO 8601 instant/);
  });

  it('takes an instant with an offset, quoted or as YAML writes a timestamp', () => {
    expect(read('"2026-05-31T16:00:00+08:00"')()[0]!.asOf).toBe('2026-05-31T16:00:00+08:00');
    expect(read('2026-05-31T16:00:00Z')()[0]!.asOf).toBe('2026-05-31T16:00:00Z');
  });
});

describe('an embargo gate', () => {
  const regions = new RegionDirectory(REGION_CODES);
  const embargo: Embargo = { release: 'cq', region: '500000', year: 2024, until: new Date('2026-06-01T00:00:00Z') };
  const before = new Date('2026-05-31T23:59:59Z');

  it('withholds the year’s figures of the region, the regions below and above it, and a scope nobody placed, until the instant', () => {
    const gate = embargoGate([embargo], ANONYMOUS, regions, 'comms', before);
    expect([gate.at('500000', 2024), gate.at('500112', 2024), gate.at(null, 2024)].map((e) => e?.release)).toEqual(['cq', 'cq', 'cq']);
    expect([gate.at('310000', 2024), gate.at('500112', 2023)]).toEqual([null, null]);
    // The nation's 2024 figures hold Chongqing's: less Shanghai's, they would be Chongqing's.
    expect([gate.at('000000', 2024)?.release, gate.at('000000', 2023)]).toEqual(['cq', null]);
    expect(withheldRegionYears(gate, regions)).toEqual([{ year: 2024, regionCodes: expect.arrayContaining(['500000', '500112', '000000']) }]);
    expect(withheldRegionYears(gate, regions)[0]!.regionCodes).not.toContain('310000');
    expect(embargoGate([embargo], ANONYMOUS, regions, 'comms', new Date('2026-06-01T00:00:00Z')).active).toEqual([]);
  });

  it('lifts for a reader and for the agency serving its own figures, not for another agency', () => {
    const token = (agency: 'comms' | 'energy' | null, roles: ('reader' | 'writer')[]) => ({ subject: 'x', agency, roles });
    expect(embargoGate([embargo], token(null, ['reader']), regions, 'comms', before).active).toEqual([]);
    expect(embargoGate([embargo], token('comms', ['writer']), regions, 'comms', before).active).toEqual([]);
    expect(embargoGate([embargo], token('energy', ['writer']), regions, 'comms', before).active).toEqual([embargo]);
    // The indicators subgraph owns nothing: an agency token does not lift its embargo.
    expect(embargoGate([embargo], token('comms', ['writer']), regions, null, before).active).toEqual([embargo]);
  });
});
