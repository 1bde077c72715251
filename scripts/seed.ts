// `npm run seed -- --scale N [--seed S] [agency…]`: rebuilds the configured databases with demo data.
import { parseArgs } from 'node:util';
import { AGENCIES, isAgency } from '../lib/agencies.ts';
import { reseed } from '../lib/subgraph/boot.ts';
import { buildWorld, DEFAULT_SEED } from '../db/demo/world.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: String(DEFAULT_SEED) } },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run seed -- [--scale N≥1] [--seed INT] [comms|econ|bigdata|energy …]');
  process.exit(2);
}
const agencies = positionals.length > 0 ? positionals.filter(isAgency) : [...AGENCIES];
const world = buildWorld({ seed, scale });
console.log(
  `demo world seed ${seed} scale ${scale}: ${world.regions.length} regions, ${world.dataCenters.length} data centres, ${world.enterprises.length} enterprises`,
);
await reseed(agencies, world);
