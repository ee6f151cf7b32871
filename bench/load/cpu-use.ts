// Where the machine's CPU goes during a measurement: the app's server processes, PostgreSQL's,
// and the load generator (this process). On a 2-core machine the three share the cores, so a
// throughput figure means little without them.
import { readdirSync, readFileSync } from "node:fs";

/** CPU seconds used so far by the app's server processes and by PostgreSQL's (Linux /proc). */
export function cpuSeconds(databaseUrl: string): { app: number; postgres: number } {
  const tick = 100; // USER_HZ on Linux
  let app = 0;
  let postgres = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick; // utime + stime
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (command.startsWith("postgres")) postgres += seconds;
      else if (readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`DATABASE_URL=${databaseUrl}`)) app += seconds;
    } catch {
      // gone, or not ours to read
    }
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
