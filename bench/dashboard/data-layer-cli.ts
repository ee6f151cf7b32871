// Times the dashboard's data-layer functions in a process of their own (lib/db reads
// DATABASE_URL once), as one benchmark account. Prints one JSON line.
//   npx tsx --conditions=react-server bench/dashboard/data-layer-cli.ts --database-url postgresql://… \
//     [--session 40] [--runs 30] [--email delegate.qa@bench.tanfeeth.org]
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { summarise } from "./stats";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    session: { type: "string", default: "40" },
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    /** Keep warming up for at least this long: a fresh process compiles Prisma's Wasm engine in the background. */
    "warmup-ms": { type: "string", default: "3000" },
    email: { type: "string", default: "delegate.qa@bench.tanfeeth.org" },
    "as-of": { type: "string" },
  },
});

async function time(runs: number, warmup: number, work: () => Promise<unknown>) {
  const warmUntil = performance.now() + Number(values["warmup-ms"]);
  for (let i = 0; i < warmup || performance.now() < warmUntil; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return { ...summarise(samples), samples };
}

async function main() {
  if (!values["database-url"]) throw new Error("Usage: data-layer-cli.ts --database-url <url> [--session n] [--runs n]");
  process.env.DATABASE_URL = values["database-url"];
  const { db } = await import("@/lib/db");
  const { getDashboard, todayUtc } = await import("@/lib/data/dashboard");
  const { getStatusTrend } = await import("@/lib/data/dashboard-trend");
  const { listRecentActivity } = await import("@/lib/data/dashboard-activity");
  try {
    const actor = await db.user.findUniqueOrThrow({
      where: { email: values.email! },
      select: { id: true, email: true, name: true, role: true, countryCode: true },
    });
    const query = { session: Number(values.session), disagreements: false, overdue: false };
    const asOf = values["as-of"] ?? todayUtc();
    const runs = Number(values.runs);
    const warmup = Number(values.warmup);
    const result = {
      // What the SQL floor computes: the session's matrix and roll-ups.
      dashboard: await time(runs, warmup, () => getDashboard(actor, query, { asOf })),
      trend: await time(runs, warmup, () => getStatusTrend(actor, query, { asOf })),
      activity: await time(runs, warmup, () => listRecentActivity(actor, query)),
    };
    console.log(JSON.stringify(result));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
