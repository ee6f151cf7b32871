// `npm run bench:dashboard`: the dashboard benchmark, by hand (never in CI). For each data size
// (10k, 100k, 1M reports), side by side and in one run:
//   floor       the bare SQL of the session's matrix and roll-ups (sql-floor.ts);
//   data layer  getDashboard() of lib/data/dashboard.ts (plus the trend and recent activity);
//   page        the full HTTP response of the dashboard page from a production build,
//               signed in as a benchmark delegate.
// Sizes are measured in turns (rounds), so that the machine's other load falls on all of them.
// Prints a table and the page's first-load JavaScript, and writes bench/results/dashboard.json.
//
//   npm run bench:dashboard -- [--sizes 10k,100k,1M] [--runs 30] [--rounds 3] [--session 40]
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { freePort } from "../../scripts/support/embedded-postgres";
import { buildIfChanged } from "../../scripts/support/build-fingerprint";
import { run } from "../../scripts/support/run";
import { databaseExists, migrateDatabase, startBenchServer, withClient } from "./bench-database";
import { databaseNameFor, parseCount } from "./cli-args";
import { DEFAULT_SEED } from "./generate";
import { BENCH_EMAIL_DOMAIN, BENCH_PASSWORD, LAST_SESSION } from "./reference-rows";
import { sqlFloor, today } from "./sql-floor";
import { summarise, type Timing } from "./stats";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10k,100k,1M" },
    runs: { type: "string", default: "30" },
    rounds: { type: "string", default: "3" },
    warmup: { type: "string", default: "5" },
    session: { type: "string", default: String(LAST_SESSION) },
    email: { type: "string", default: `delegate.qa@${BENCH_EMAIL_DOMAIN}` },
    locale: { type: "string", default: "ar" },
  },
});

const sizes = values.sizes!.split(",").map(parseCount);
const runs = parseCount(values.runs!);
const rounds = Math.max(1, parseCount(values.rounds!));
const warmup = parseCount(values.warmup!);
const session = parseCount(values.session!);
const perRound = Math.ceil(runs / rounds);
const pagePath = `/${values.locale}?session=${session}`;
const asOf = today();
const log = (line: string) => console.log(line);

type Samples = { floor: number[]; dataLayer: number[]; trend: number[]; activity: number[]; page: number[] };
type Size = { reports: number; url: string; port: number; server?: ChildProcess; cookie?: string; samples: Samples; pageBytes?: number };

/** The generated database, migrated to this branch and vacuumed as autovacuum would have on a live server. */
async function prepareDatabase(size: Size) {
  await migrateDatabase(size.url);
  await withClient(size.url, (client) => client.query("VACUUM (ANALYZE)"));
}

async function ensureBuild() {
  if (!(await buildIfChanged(root, { env: process.env, announce: "Production build: building (next build) …" }))) {
    log("Production build: up to date (.next).");
  }
}

async function waitFor(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer in time`);
}

function startApp(size: Size): ChildProcess {
  const baseUrl = `http://localhost:${size.port}`;
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(size.port)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: size.url,
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
      TOTP_ENCRYPTION_KEY: "YmVuY2gtdG90cC1rZXktYmVuY2gtdG90cC1rZXktMDE=",
      NEXTAUTH_URL: baseUrl,
      PORT: String(size.port),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return child;
}

/** Signs in over HTTP as scripts do (README): next-auth's CSRF token, then the credentials callback. */
async function signIn(size: Size, email: string): Promise<string> {
  const base = `http://localhost:${size.port}`;
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair!.indexOf("=");
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, totp: "", json: "true" }),
    redirect: "manual",
  });
  keep(response);
  if (![...jar.keys()].some((name) => name.includes("session-token"))) throw new Error(`Sign-in of ${email} failed (${response.status}).`);
  return cookie();
}

async function timePage(size: Size, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(`http://localhost:${size.port}${pagePath}`, { headers: { cookie: size.cookie! } });
    const body = await response.arrayBuffer();
    samples.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
    size.pageBytes = body.byteLength;
  }
  return samples;
}

async function timeFloor(size: Size, count: number): Promise<number[]> {
  return withClient(size.url, async (client) => {
    for (let i = 0; i < warmup; i++) await sqlFloor(client, session, asOf);
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await sqlFloor(client, session, asOf);
      samples.push(performance.now() - started);
    }
    return samples;
  });
}

type DataLayerRun = Record<"dashboard" | "trend" | "activity", Timing & { samples: number[] }>;

async function timeDataLayer(size: Size, count: number): Promise<DataLayerRun> {
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "bench/dashboard/data-layer-cli.ts",
        "--database-url", size.url,
        "--session", String(session),
        "--runs", String(count),
        "--warmup", String(Math.max(warmup, 10)),
        "--email", values.email!,
        "--as-of", asOf,
      ],
      { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
    );
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`data-layer-cli exited with ${code}`))));
  });
  return JSON.parse(output.trim().split("\n").at(-1)!) as DataLayerRun;
}

/**
 * First-load JavaScript of the page: every script the built page's HTML loads in a modern
 * browser (not the `nomodule` polyfills), gzipped.
 */
async function firstLoadJs(size: Size) {
  const base = `http://localhost:${size.port}`;
  const html = await (await fetch(`${base}${pagePath}`, { headers: { cookie: size.cookie! } })).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const sources = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1] ?? []).map((src) => src.replace(/&amp;/g, "&")))];
  const files: { src: string; rawBytes: number; gzipBytes: number }[] = [];
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    files.push({ src: source, rawBytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length });
  }
  const sum = (key: "rawBytes" | "gzipBytes") => files.reduce((total, file) => total + file[key], 0);
  return { scripts: files.length, rawBytes: sum("rawBytes"), gzipBytes: sum("gzipBytes"), files };
}

const ms = (value: number) => value.toFixed(1).padStart(7);

async function main() {
  log(`Dashboard benchmark: session ${session}, ${runs} measured runs per figure and size, in ${rounds} rounds; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  await ensureBuild();
  const names = sizes.map((reports) => databaseNameFor(reports, DEFAULT_SEED, DEFAULT_SEED));
  const probe = await startBenchServer();
  const missing = [];
  for (const [index, name] of names.entries()) if (!(await databaseExists(probe, name))) missing.push(sizes[index]!);
  await probe.stop();
  for (const reports of missing) {
    log(`${reports} reports: not generated yet — generating (bench/dashboard/generate-cli.ts) …`);
    await run("npx", ["tsx", "bench/dashboard/generate-cli.ts", "--reports", String(reports)], { cwd: root });
  }

  const database = await startBenchServer();
  const list: Size[] = [];
  try {
    for (const [index, reports] of sizes.entries()) {
      const size: Size = { reports, url: database.urlFor(names[index]!), port: await freePort(), samples: { floor: [], dataLayer: [], trend: [], activity: [], page: [] } };
      log(`${names[index]}: migrating and vacuuming …`);
      await prepareDatabase(size);
      list.push(size);
    }
    for (const size of list) {
      size.server = startApp(size);
      await waitFor(`http://localhost:${size.port}/api/health`);
      size.cookie = await signIn(size, values.email!);
      await timePage(size, warmup);
    }
    const loadBefore = os.loadavg();
    for (let round = 1; round <= rounds; round++) {
      for (const size of list) {
        log(`round ${round}/${rounds}: ${size.reports} reports …`);
        size.samples.floor.push(...(await timeFloor(size, perRound)));
        const layer = await timeDataLayer(size, perRound);
        size.samples.dataLayer.push(...layer.dashboard.samples);
        size.samples.trend.push(...layer.trend.samples);
        size.samples.activity.push(...layer.activity.samples);
        size.samples.page.push(...(await timePage(size, perRound)));
      }
    }
    const loadAfter = os.loadavg();
    const js = await firstLoadJs(list[0]!);

    const results = list.map((size) => ({
      reports: size.reports,
      floor: summarise(size.samples.floor),
      dataLayer: summarise(size.samples.dataLayer),
      trend: summarise(size.samples.trend),
      activity: summarise(size.samples.activity),
      page: summarise(size.samples.page),
      pageHtmlBytes: size.pageBytes ?? 0,
    }));
    log("");
    log("reports   |  floor med    p95 | data layer med    p95 | ×floor | trend med | activity med |  page med    p95");
    for (const r of results) {
      log(
        `${String(r.reports).padStart(9)} | ${ms(r.floor.medianMs)} ${ms(r.floor.p95Ms)} |        ${ms(r.dataLayer.medianMs)} ${ms(r.dataLayer.p95Ms)} | ${(r.dataLayer.medianMs / r.floor.medianMs).toFixed(2).padStart(6)} |   ${ms(r.trend.medianMs)} |      ${ms(r.activity.medianMs)} | ${ms(r.page.medianMs)} ${ms(r.page.p95Ms)}`,
      );
    }
    const smallest = results[0]!;
    const largest = results.at(-1)!;
    const pageGrowth = largest.page.medianMs / smallest.page.medianMs;
    const worstLayer = Math.max(...results.map((r) => r.dataLayer.medianMs / r.floor.medianMs));
    const targets = {
      pageFlat: { target: "page median at the largest size ≤ 1.2 × at the smallest", value: Number(pageGrowth.toFixed(3)), met: pageGrowth <= 1.2 },
      dataLayerNearFloor: { target: "data-layer median ≤ 2 × SQL floor median, at every size", value: Number(worstLayer.toFixed(3)), met: worstLayer <= 2 },
      // kB as in 1000 bytes, the stricter reading (Next prints sizes in kB of 1000 bytes).
      firstLoadJs: { target: "page's first-load JavaScript < 150 kB (150,000 bytes) gzipped", value: js.gzipBytes, met: js.gzipBytes < 150_000 },
    };
    log("");
    log(`Page median, ${largest.reports} vs ${smallest.reports} reports: ×${pageGrowth.toFixed(2)} (target ≤ 1.2) ${targets.pageFlat.met ? "met" : "MISSED"}`);
    log(`Data layer vs SQL floor, worst size: ×${worstLayer.toFixed(2)} (target ≤ 2) ${targets.dataLayerNearFloor.met ? "met" : "MISSED"}`);
    for (const file of js.files) log(`  ${(file.gzipBytes / 1000).toFixed(1).padStart(6)} kB gz  ${file.src}`);
    log(`First-load JavaScript of ${pagePath}: ${js.scripts} scripts, ${(js.gzipBytes / 1000).toFixed(1)} kB gzipped = ${(js.gzipBytes / 1024).toFixed(1)} KiB (${(js.rawBytes / 1000).toFixed(1)} kB raw) (target < 150 kB) ${targets.firstLoadJs.met ? "met" : "MISSED"}`);
    log(`Load average before/after: ${loadBefore.map((l) => l.toFixed(2)).join(" ")} / ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`);

    const out = path.join(root, "bench", "results");
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, "dashboard.json"),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadBefore, loadAfter },
          settings: { session, page: pagePath, account: values.email, runs: perRound * rounds, rounds, warmup, asOf },
          sizes: results,
          firstLoadJs: js,
          targets,
        },
        null,
        2,
      )}\n`,
    );
    log(`Written: bench/results/dashboard.json`);
  } finally {
    for (const size of list) size.server?.kill("SIGTERM");
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
