import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Supervisor, type Isolation } from '../lib/supervisor/supervisor.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gict-supervisor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = path.resolve('test/fixtures/crashing-service.mjs');

const waitFor = async (lines: string[], pattern: RegExp) => {
  for (let waited = 0; waited < 20_000; waited += 20) {
    const line = lines.find((l) => pattern.test(l));
    if (line) return line;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no line matched ${pattern}:\n${lines.join('\n')}`);
};

describe.each<Isolation>(['thread', 'process'])('the supervisor, each service as a %s', (isolation) => {
  it('restarts a service that crashed after it was ready, with back-off, leaves its sibling alone, and stops both with code 0', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ isolation, initialBackoffMs: 50, log: (line) => log.push(line) });
    const crashOnce = path.join(dir, `${isolation}-crashed`);
    const [crashing, steady] = await Promise.all([
      supervisor.start({ name: 'crashing', script, args: ['crashing'], env: { CRASH_ONCE: crashOnce } }),
      supervisor.start({ name: 'steady', script, args: ['steady'] }),
    ]);
    expect(crashing.url).toBe('http://127.0.0.1:1/crashing');
    const where = isolation === 'thread' ? new RegExp(`^pid ${process.pid} thread \\d+$`) : /^pid \d+$/;
    expect(crashing.id).toMatch(where);
    expect(steady.id).not.toBe(crashing.id);

    await waitFor(log, /^supervisor: crashing exited with code 1; restarting in 0\.1 s \(restart 1\)$/);
    await waitFor(log, /^supervisor: crashing is back at http:\/\/127\.0\.0\.1:1\/crashing after [\d.]+ s$/);
    expect(log.filter((l) => l.includes('steady'))).toEqual([]);
    expect(supervisor.services.get('steady')!.ready!.id).toBe(steady.id);

    expect(await supervisor.stop([['steady'], ['crashing']])).toBe(true);
  });

  it('gives each service the young generation it is configured with (V8 grows it to two semi-spaces)', async () => {
    const newSpaceMb = async (supervisor: Supervisor) => {
      const ready = await supervisor.start({ name: 'young', script, args: ['young'], env: { REPORT_NEW_SPACE: '1' } });
      await supervisor.stop([['young']]);
      return (ready as typeof ready & { newSpaceMb: number }).newSpaceMb;
    };
    expect(await newSpaceMb(new Supervisor({ isolation, log: () => {} }))).toBe(32);
    expect(await newSpaceMb(new Supervisor({ isolation, heap: { maxOldMb: 256, semiSpaceMb: 64 }, log: () => {} }))).toBe(128);
  });

  it('ends a service that outgrows its heap limit alone and restarts it', async () => {
    const log: string[] = [];
    const supervisor = new Supervisor({ isolation, initialBackoffMs: 50, heap: { maxOldMb: 64, semiSpaceMb: 16 }, log: (line) => log.push(line) });
    const crashOnce = path.join(dir, `${isolation}-oom`);
    await Promise.all([
      supervisor.start({ name: 'hoarder', script, args: ['hoarder'], env: { CRASH_ONCE: crashOnce, CRASH_HOW: 'oom' } }),
      supervisor.start({ name: 'steady', script, args: ['steady'] }),
    ]);
    // Node ends a thread out of memory with code 1; V8 aborts a process (SIGABRT).
    const how = isolation === 'thread' ? 'code 1' : 'signal SIGABRT';
    await waitFor(log, new RegExp(`^supervisor: hoarder exited with ${how}; restarting in 0\\.1 s \\(restart 1\\)$`));
    await waitFor(log, /^supervisor: hoarder is back at /);
    expect(log.filter((l) => l.includes('steady'))).toEqual([]);
    expect(await supervisor.stop([['steady'], ['hoarder']])).toBe(true);
  });
});
