// Generates the dashboard benchmark's data by hand:
//   npx tsx bench/dashboard/generate-cli.ts --reports 1M [--seed 40] [--sessions 40] [--replace]
//   npx tsx bench/dashboard/generate-cli.ts --reports 10k --database-url postgresql://…
// Without --database-url it uses the embedded PostgreSQL in .data/bench and the database
// dashboard_<reports>, which it keeps (and reuses) unless --replace.
import { parseArgs } from "node:util";
import { createReferenceDatabase, databaseExists, formatBytes, measureSize, startBenchServer } from "./bench-database";
import { databaseNameFor, parseCount } from "./cli-args";
import { DEFAULT_SEED, generateDashboardData } from "./generate";

const { values } = parseArgs({
  options: {
    reports: { type: "string" },
    seed: { type: "string" },
    sessions: { type: "string" },
    "database-url": { type: "string" },
    replace: { type: "boolean", default: false },
  },
});

async function main() {
  if (!values.reports) throw new Error("Usage: generate-cli.ts --reports <count> [--seed n] [--sessions n] [--database-url url] [--replace]");
  const reports = parseCount(values.reports);
  const seed = values.seed === undefined ? DEFAULT_SEED : parseCount(values.seed);
  const sessions = values.sessions === undefined ? undefined : parseCount(values.sessions);
  const log = (line: string) => console.log(`  ${line}`);

  let url = values["database-url"];
  const server = url ? null : await startBenchServer();
  try {
    if (server) {
      const name = databaseNameFor(reports, seed, DEFAULT_SEED, sessions);
      if (!values.replace && (await databaseExists(server, name))) {
        console.log(`${name} exists already (pass --replace to generate it again).`);
        return;
      }
      console.log(`Creating ${name} from the reference template …`);
      url = await createReferenceDatabase(server, name);
    }
    console.log(`Generating ${reports} reports (seed ${seed}) …`);
    const summary = await generateDashboardData(url!, { reports, seed, sessions, log });
    const size = await measureSize(url!);
    console.log(
      `Done in ${(summary.timings.totalMs / 1000).toFixed(1)} s: sessions ${summary.sessions[0]}–${summary.sessions.at(-1)}, ` +
        `${summary.commitments} commitments, ${summary.pairs} pairs, ${summary.reports} reports, ` +
        `${summary.reviews} reviews, ${summary.assessments} assessments; database ${formatBytes(size.databaseBytes)}`,
    );
    console.log(JSON.stringify({ ...summary, sessions: summary.sessions.length, size }));
  } finally {
    await server?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
