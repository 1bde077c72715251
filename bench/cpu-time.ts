import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system) spent by the benchmark's servers, read from Linux's /proc: latency on a
 * shared two-core VM includes waiting for the busy machine, so the benchmark also reports the work itself. Counts the given processes with all their descendants (Hive Gateway may fork workers)
 * and every Postgres process. Null where /proc is not available.
 */

// /proc reports clock ticks of USER_HZ, which Linux fixes at 100 per second for user space.
const TICK_MS = 10;

interface ProcStat {
  pid: number;
  ppid: number;
  name: string;
  ticks: number;
}

function readStat(pid: string): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is parenthesised and may hold spaces; the fields after it are space-separated.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    // utime + stime, plus cutime + cstime: children that exited and were reaped (Postgres's parallel workers).
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return { pid: Number(pid), ppid: Number(fields[1]), name: text.slice(text.indexOf('(') + 1, close), ticks };
  } catch {
    return null; // exited between listing and reading
  }
}

/** Milliseconds of CPU used so far by `roots`, their descendants and Postgres; null off Linux. */
export function serverCpuMs(roots: readonly number[]): number | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return null;
  }
  const stats = entries.map(readStat).filter((s): s is ProcStat => s !== null);
  const children = new Map<number, ProcStat[]>();
  for (const s of stats) {
    const siblings = children.get(s.ppid);
    if (siblings) siblings.push(s);
    else children.set(s.ppid, [s]);
  }
  const counted = new Set<number>();
  const visit = (pid: number) => {
    if (counted.has(pid)) return;
    counted.add(pid);
    for (const child of children.get(pid) ?? []) visit(child.pid);
  };
  for (const pid of roots) visit(pid);
  for (const s of stats) if (s.name === 'postgres') counted.add(s.pid);
  return stats.reduce((sum, s) => (counted.has(s.pid) ? sum + s.ticks * TICK_MS : sum), 0);
}
