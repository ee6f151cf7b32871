// Where the machine's CPU goes during a measurement: the app's server processes, PostgreSQL's,
// and the load generator (this process), and the load average. On a 2-core machine shared with
// other work, a throughput figure means little without them.
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";

/**
 * CPU seconds used so far by the app's server processes and by the benchmark's PostgreSQL (its
 * postmaster, found by port, and the backends it started; not other servers on the machine).
 */
export function cpuSeconds(databaseUrl: string): { app: number; postgres: number } {
  const tick = 100; // USER_HZ, 100 on every Linux this runs on
  const port = new URL(databaseUrl).port;
  const processes = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
        const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
        // utime + stime
        return [{ pid, parent: fields[1]!, seconds: (Number(fields[11]) + Number(fields[12])) / tick, command, environ }];
      } catch {
        return []; // gone, or not ours to read
      }
    });
  const postmaster = processes.find((p) => p.command[0]!.endsWith("/postgres") && p.command.includes("-p") && p.command[p.command.indexOf("-p") + 1] === port);
  let app = 0;
  let postgres = 0;
  for (const p of processes) {
    if (p === postmaster || (postmaster && p.parent === postmaster.pid)) postgres += p.seconds;
    else if (p.environ.includes(`DATABASE_URL=${databaseUrl}`)) app += p.seconds;
  }
  return { app, postgres };
}

export type CoresUsed = { app: number; postgres: number; loadGenerator: number };

export type LoadAverage = { min: number; median: number; max: number };

const round = (n: number) => Math.round(n * 100) / 100;

/** The cores each side kept busy on average while `work` ran, and the load average (1 minute) every 5 s. */
export async function machineUseDuring<T>(databaseUrl: string, work: () => Promise<T>): Promise<{ result: T; cores: CoresUsed; load: LoadAverage }> {
  const samples = [os.loadavg()[0]!];
  const timer = setInterval(() => samples.push(os.loadavg()[0]!), 5_000);
  const started = performance.now();
  const before = cpuSeconds(databaseUrl);
  const ownBefore = process.cpuUsage();
  try {
    const result = await work();
    const own = process.cpuUsage(ownBefore);
    const after = cpuSeconds(databaseUrl);
    const seconds = (performance.now() - started) / 1000;
    samples.push(os.loadavg()[0]!);
    const sorted = samples.sort((a, b) => a - b);
    return {
      result,
      cores: {
        app: round((after.app - before.app) / seconds),
        postgres: round((after.postgres - before.postgres) / seconds),
        loadGenerator: round((own.user + own.system) / 1e6 / seconds),
      },
      load: { min: round(sorted[0]!), median: round(sorted[Math.floor(sorted.length / 2)]!), max: round(sorted.at(-1)!) },
    };
  } finally {
    clearInterval(timer);
  }
}
