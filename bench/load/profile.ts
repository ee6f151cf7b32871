// `npx tsx --conditions=react-server bench/load/profile.ts -- --path /en?session=40`: one endpoint
// of the load benchmark under steady load, on the same production build and database as
// `npm run bench:load`, with the server's CPU profile (node --cpu-prof) summarised: where the
// single Node process spends its time, by function and by package. The profile itself is kept
// in .data/profiles/ (open it in Chrome DevTools' Performance panel).
//
//   --path p          the page or API path (GET), signed in as the QA delegate
//   --connections n   default 4; --duration s default 20; --reports default 100k
//   --no-profile      measure only (profiling slows the server down by some 10–20%)
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { withClient } from "../dashboard/bench-database";
import { parseCount } from "../dashboard/cli-args";
import { startBenchApp } from "./bench-app";
import { cpuSeconds } from "./cpu-use";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3301;
const BASE = `http://127.0.0.1:${PORT}`;

const { values } = parseArgs({
  options: {
    path: { type: "string", multiple: true, default: ["/en?session=40"] },
    connections: { type: "string", default: "4" },
    duration: { type: "string", default: "20" },
    reports: { type: "string", default: "100k" },
    "no-profile": { type: "boolean", default: false },
    top: { type: "string", default: "40" },
  },
});

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

function packageOf(url: string): string {
  const file = url.replace(/^file:\/\//, "");
  const modules = file.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = file.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (file.includes("/.next/")) return `.next/${path.basename(file)}`;
  if (file === "") return "(native)";
  return file.startsWith("node:") ? "node" : path.relative(root, file) || file;
}

/** Self and inclusive time per function, and self time per package. */
function summarise(profile: Profile, top: number) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) =>
    `${n.callFrame.functionName || "(anonymous)"} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const selfBy = new Map<string, number>();
  const packageBy = new Map<string, number>();
  const inclusiveBy = new Map<string, number>();
  for (const [id, time] of self) {
    const node = byId.get(id)!;
    selfBy.set(key(node), (selfBy.get(key(node)) ?? 0) + time);
    packageBy.set(packageOf(node.callFrame.url), (packageBy.get(packageOf(node.callFrame.url)) ?? 0) + time);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = key(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusiveBy.set(k, (inclusiveBy.get(k) ?? 0) + time);
    }
  }
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((100 * time) / total).toFixed(1).padStart(6)}%  ${(time / 1000).toFixed(0).padStart(7)} ms  ${name}`);
    }
  };
  console.log(`\nProfile: ${(total / 1e6).toFixed(1)} s sampled`);
  show("Self time by package", packageBy);
  show("Self time by function", selfBy);
  show("Inclusive time by function", inclusiveBy);
}

/**
 * Statements the database ran for one request: the change in committed transactions (each
 * statement outside a transaction is one). About: the proxy's health check (once a second at
 * most) may fall into the window.
 */
function countStatements<T>(url: string, request: () => Promise<T>): Promise<{ result: T; statements: number }> {
  return withClient(url, async (client) => {
    const read = async () => {
      // An idle backend flushes its statistics to the shared counters within 10 s.
      await new Promise((resolve) => setTimeout(resolve, 11_000));
      await client.query("SELECT pg_stat_clear_snapshot()");
      const { rows } = await client.query<{ n: string }>("SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()");
      return Number(rows[0]!.n);
    };
    const before = await read();
    const result = await request();
    // Less the two statements of the first reading.
    return { result, statements: (await read()) - before - 2 };
  });
}

async function main() {
  const profileDir = path.join(root, ".data", "profiles", new Date().toISOString().replace(/[:.]/g, "-"));
  if (!values["no-profile"]) mkdirSync(profileDir, { recursive: true });
  const app = await startBenchApp({
    port: PORT,
    reports: parseCount(values.reports!),
    nodeArgs: values["no-profile"] ? [] : ["--cpu-prof", `--cpu-prof-dir=${profileDir}`],
    workers: 1,
  });
  try {
    const cookie = await app.signIn("delegate.qa@bench.tanfeeth.org");
    for (const pagePath of values.path!) {
      // Warm up (JIT, caches) before measuring.
      await autocannon({ url: `${BASE}${pagePath}`, connections: 2, amount: 20, headers: { cookie } });
      const { result, statements } = await countStatements(app.databaseUrl, async () => {
        const response = await fetch(`${BASE}${pagePath}`, { headers: { cookie } });
        return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
      });
      console.log(`${pagePath}: ${result.status}, ${result.bytes} bytes, about ${statements} statements per request`);
    }
    for (const pagePath of values.path!) {
      const cpuBefore = cpuSeconds(app.databaseUrl);
      const result = await autocannon({
        url: `${BASE}${pagePath}`,
        connections: Number(values.connections),
        duration: Number(values.duration),
        headers: { cookie },
      });
      console.log(
        `${pagePath} c=${values.connections}: ${result.requests.average} req/s, p50 ${result.latency.p50} p90 ${result.latency.p90} ` +
          `p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors + result.timeouts}`,
      );
      const cpuAfter = cpuSeconds(app.databaseUrl);
      const perRequest = (seconds: number) => ((1000 * seconds) / result.requests.total).toFixed(1);
      console.log(
        `  CPU per request: app ${perRequest(cpuAfter.app - cpuBefore.app)} ms, PostgreSQL ${perRequest(cpuAfter.postgres - cpuBefore.postgres)} ms` +
          ` (load average ${os.loadavg()[0]!.toFixed(2)})`,
      );
    }
  } finally {
    await app.stop();
  }
  if (!values["no-profile"]) {
    for (const file of readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"))) {
      console.log(`\n${path.join(profileDir, file)}`);
      summarise(JSON.parse(readFileSync(path.join(profileDir, file), "utf8")) as Profile, Number(values.top));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
