import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { ENTRIES } from '../../scripts/build-server.mjs';
import { AGENCIES } from '../../lib/agencies.ts';
import { databaseTarget, port, serviceHeap, subgraphUrl } from '../../lib/config.ts';
import { heapFlags } from '../../lib/supervisor/heap.ts';
import { SUBGRAPHS } from '../../lib/subgraphs.ts';

// No Docker engine runs here, so the compose file is checked as data: parsed as Compose parses it (YAML with merge
// keys) and read with the same configuration functions the services use.
interface Service {
  build?: string;
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
}
const compose = load(readFileSync('compose.yaml', 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = compose.services;

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?message}` with every variable set to `set-VAR`. */
function interpolate(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v).replace(/\$\{(\w+)(?::[-?][^}]*)?\}/g, (_, name: string) => `set-${name}`)]));
}

describe('compose.yaml', () => {
  it('runs Postgres, the four agency subgraphs, the indicators subgraph and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual(['postgres', ...SUBGRAPHS, 'gateway'].sort());
  });

  it('builds every federation service from the Dockerfile and starts it with a script that exists', () => {
    expect(existsSync('Dockerfile')).toBe(true);
    for (const name of [...SUBGRAPHS, 'gateway']) {
      const service = services[name]!;
      expect(service.build, name).toBe('.');
      // node scripts/launch.mjs <entry> [subgraph]: the server bundle's entry point, built into the image.
      const [node, launcher, entry] = service.command!;
      expect([node, launcher], name).toEqual(['node', 'scripts/launch.mjs']);
      expect(existsSync(launcher!)).toBe(true);
      expect(entry, name).toBe(name === 'gateway' ? 'gateway' : 'subgraph');
      expect(Object.keys(ENTRIES)).toContain(entry);
      if (name !== 'gateway') expect(service.command!.at(-1)).toBe(name);
    }
  });

  it('gives each agency its own database on the compose Postgres, created by the init script', () => {
    const init = readFileSync('deploy/postgres-init.sql', 'utf8');
    for (const agency of AGENCIES) {
      const target = databaseTarget(agency, interpolate(services[agency]!.environment));
      expect(target.kind).toBe('postgres');
      const url = new URL((target as { url: string }).url);
      expect(url.hostname).toBe('postgres');
      expect(init).toContain(`CREATE DATABASE ${url.pathname.slice(1)};`);
      expect(services[agency]!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    }
  });

  it('points the gateway at each subgraph by service name on the port that subgraph listens on, and waits until each is ready', () => {
    const gatewayEnv = interpolate(services.gateway!.environment);
    for (const name of SUBGRAPHS) {
      const listens = port(name, interpolate(services[name]!.environment));
      expect(subgraphUrl(name, gatewayEnv)).toBe(`http://${name}:${listens}/graphql`);
      expect(services.gateway!.depends_on![name]).toEqual({ condition: 'service_healthy' });
    }
  });

  it('checks each service’s /ready on the port it listens on, and publishes only the gateway', () => {
    for (const name of [...SUBGRAPHS, 'gateway'] as const) {
      const service = services[name]!;
      const test = service.healthcheck!.test.join(' ');
      expect(test).toContain('/ready');
      expect(service.healthcheck!.test.at(-1)).toBe(String(port(name, interpolate(service.environment))));
      expect(service.ports, name).toEqual(name === 'gateway' ? ['${GATEWAY_PUBLISHED_PORT:-4000}:4000'] : undefined);
    }
  });

  it('runs in production mode on all interfaces, with secrets taken from the operator and no traces sent unless configured', () => {
    for (const name of [...SUBGRAPHS, 'gateway']) {
      const env = services[name]!.environment!;
      expect(env.NODE_ENV).toBe('production');
      expect(env.HOST).toBe('0.0.0.0');
      expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
      expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('${OTEL_EXPORTER_OTLP_ENDPOINT:-}');
    }
    expect(services.postgres!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
  });

  it('gives every service in the image the heap sizes `npm start` gives its supervised services', () => {
    // A Dockerfile cannot import lib/config.ts: its NODE_OPTIONS is a copy of the defaults, checked here.
    const options = /^ENV NODE_OPTIONS="([^"]*)"$/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(options?.split(' ')).toEqual(heapFlags(serviceHeap({})));
  });
});
