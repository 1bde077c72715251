import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { factProvider, loadCatalog } from '../lib/indicators/catalog.ts';
import { REGION_METRICS as BIGDATA } from '../subgraphs/bigdata/facts.ts';
import { OBSERVED_METRICS as COMMS_OBSERVED, REGISTER_METRICS as COMMS_REGISTER } from '../subgraphs/comms/indicator-facts.ts';
import { PLACED_DESIGNATIONS as ECON_PLACED, REGION_METRICS as ECON } from '../subgraphs/econ/indicator-facts.ts';
import { OBSERVED_METRICS as ENERGY_OBSERVED, REGISTER_METRICS as ENERGY_REGISTER } from '../subgraphs/energy/indicator-facts.ts';

const provided: Record<string, string[]> = {
  bigdata: Object.keys(BIGDATA),
  comms: [...COMMS_OBSERVED, ...Object.keys(COMMS_REGISTER)],
  econ: Object.keys(ECON),
  energy: [...ENERGY_OBSERVED, ...Object.keys(ENERGY_REGISTER)],
};

describe('every catalog metric has an implementation at its owner', () => {
  const { metrics } = loadCatalog();

  it('each region-level metric is computed by the subgraph that owns it (or places it), and only there', () => {
    for (const metric of metrics.values()) {
      if (metric.subject !== 'REGION') continue;
      expect(provided[factProvider(metric)], `${metric.code} (computed by ${factProvider(metric)})`).toContain(metric.code);
    }
    for (const codes of Object.values(provided)) expect(new Set(codes).size).toBe(codes.length);
    const regionCodes = [...metrics.values()].filter((m) => m.subject === 'REGION').map((m) => m.code);
    for (const codes of Object.values(provided)) for (const code of codes) expect(regionCodes).toContain(code);
  });

  it('econ lists the designations of every econ metric bigdata places, and of no other', () => {
    const placed = [...metrics.values()].filter((m) => m.owner === 'econ' && m.placedBy === 'bigdata').map((m) => m.code);
    expect(Object.keys(ECON_PLACED).sort()).toEqual(placed.sort());
  });

  it("each unit metric is a field the indicators subgraph requires on its unit-year entity, or for a unit-level one its owner's totals", () => {
    const sdl = readFileSync('subgraphs/indicators/schema.graphql', 'utf8');
    const selection = {
      DATA_CENTER: /dataCenterPopulation \{([^}]*)\}/,
      CORE_ROOM: /coreMachineRooms \{([^}]*)\}/,
      ENTERPRISE: /enterprises \{([^}]*)\}/,
    } as const;
    // The population's top-level fields: its selection with the owners' nested selections left out.
    const population = (sdl.match(/dataCenterPopulation \{ (dataCenterIds[^"]*) \}"/)?.[1] ?? '')
      .replace(/\{[^}]*\}/g, '')
      .trim()
      .split(/\s+/);
    for (const metric of metrics.values()) {
      if (metric.subject === 'REGION' || metric.feeds !== undefined) continue;
      const fields = metric.subject === 'DATA_CENTER' ? population : (sdl.match(selection[metric.subject])?.[1]?.trim().split(/\s+/) ?? []);
      if (metric.unitLevel) {
        // A unit-level figure stays with its owner, which sends its totals over the units instead (the owner's aggregate).
        expect(sdl, `${metric.code} → ${metric.owner}Sums`).toContain(`${metric.owner}Sums {`);
        expect(fields, `${metric.code} → ${metric.field}`).not.toContain(metric.field);
        continue;
      }
      expect(fields, `${metric.code} → ${metric.field}`).toContain(metric.field);
      if (metric.statusField) expect(fields, `${metric.code} → ${metric.statusField}`).toContain(metric.statusField);
    }
  });
});
