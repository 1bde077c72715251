import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../lib/indicators/catalog.ts';
import { REGION_METRICS as BIGDATA } from '../subgraphs/bigdata/facts.ts';
import { OBSERVED_METRICS as COMMS_OBSERVED, REGISTER_METRICS as COMMS_REGISTER } from '../subgraphs/comms/indicator-facts.ts';
import { REGION_METRICS as ECON } from '../subgraphs/econ/indicator-facts.ts';
import { OBSERVED_METRICS as ENERGY_OBSERVED, REGISTER_METRICS as ENERGY_REGISTER } from '../subgraphs/energy/indicator-facts.ts';

const provided: Record<string, string[]> = {
  bigdata: Object.keys(BIGDATA),
  comms: [...COMMS_OBSERVED, ...Object.keys(COMMS_REGISTER)],
  econ: Object.keys(ECON),
  energy: [...ENERGY_OBSERVED, ...Object.keys(ENERGY_REGISTER)],
};

describe('every catalog metric has an implementation at its owner', () => {
  const { metrics } = loadCatalog();

  it('each region-level metric is computed by the subgraph that owns it, and only there', () => {
    for (const metric of metrics.values()) {
      if (metric.subject !== 'REGION') continue;
      expect(provided[metric.owner], `${metric.code} (owner ${metric.owner})`).toContain(metric.code);
    }
    const regionCodes = [...metrics.values()].filter((m) => m.subject === 'REGION').map((m) => m.code);
    for (const codes of Object.values(provided)) for (const code of codes) expect(regionCodes).toContain(code);
  });

  it('each unit-level metric is a field the indicators subgraph requires on its unit-year entity', () => {
    const sdl = readFileSync('subgraphs/indicators/schema.graphql', 'utf8');
    const selection = { DATA_CENTER: /dataCenterPopulation \{([^}]*)\}/, CORE_ROOM: /coreMachineRooms \{([^}]*)\}/, ENTERPRISE: /enterprises \{([^}]*)\}/ } as const;
    for (const metric of metrics.values()) {
      if (metric.subject === 'REGION' || metric.feeds !== undefined) continue;
      const fields = sdl.match(selection[metric.subject])?.[1]?.trim().split(/\s+/) ?? [];
      expect(fields, `${metric.code} → ${metric.field}`).toContain(metric.field);
      if (metric.statusField) expect(fields, `${metric.code} → ${metric.statusField}`).toContain(metric.statusField);
    }
  });
});
