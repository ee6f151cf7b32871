// Where the machine's CPU goes during a measurement: the app's server processes, PostgreSQL's,
// and the load generator (this process). On a 2-core machine the three share the cores, so a
// throughput figure means little without them.
import { readdirSync, readFileSync } from "node:fs";

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

/** The cores each side kept busy, on average, while `work` ran. */
export async function coresUsedDuring<T>(databaseUrl: string, work: () => Promise<T>): Promise<{ result: T; cores: CoresUsed }> {
  const started = performance.now();
  const before = cpuSeconds(databaseUrl);
  const ownBefore = process.cpuUsage();
  const result = await work();
  const own = process.cpuUsage(ownBefore);
  const after = cpuSeconds(databaseUrl);
  const seconds = (performance.now() - started) / 1000;
  const round = (n: number) => Math.round((n / seconds) * 100) / 100;
  return {
    result,
    cores: {
      app: round(after.app - before.app),
      postgres: round(after.postgres - before.postgres),
      loadGenerator: round((own.user + own.system) / 1e6),
    },
  };
}
