// `npm run bench:load [-- --reports 100k --duration 60]`: load on a production build, on loopback,
// against its own database filled with the dashboard benchmark's data.
//   1. a signed-in delegate mix — dashboard, country page, commitment timeline (a pair with a
//      history of at least 200 reports, added through the API the first time), report submission (read
//      the version with the smallest page, then submit; 409s expected when two connections
//      submit on the same version) — at 10 connections, then at 50, after 15 s of it unrecorded
//      (a fresh process first loads each page's code);
//   2. a login mix (CSRF token, then credentials) of legitimate sign-ins;
//   3. a login flood (wrong passwords for one account) next to dashboard traffic: refused by
//      the throttle before hashing, it must not starve the dashboard.
// Prints requests/s, p50/p95/p99 and errors per endpoint, with the machine's load average (it is
// shared); writes bench/results/load.json.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Request, type Result } from "autocannon";
import { parseCount } from "../dashboard/cli-args";
import { BENCH_PASSWORD } from "../dashboard/reference-rows";
import { requestConcurrency, workerCount } from "../../scripts/support/next-cluster";
import { startBenchApp } from "./bench-app";
import { machineUseDuring, type CoresUsed } from "./cpu-use";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3300;
const BASE = `http://127.0.0.1:${PORT}`;
const SESSION = 40;

const { values } = parseArgs({
  options: {
    reports: { type: "string", default: "100k" },
    duration: { type: "string", default: "60" },
  },
});
const duration = Number(values.duration);
const WARM_UP_SECONDS = 15;

type EndpointResult = {
  endpoint: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
};

function summarise(endpoint: string, connections: number, result: Result): EndpointResult {
  const statuses: Record<string, number> = {};
  for (const [code, count] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (count as { count: number }).count;
  return {
    endpoint,
    connections,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: result.latency.p97_5 !== undefined ? percentile(result, 95) : result.latency.p90,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

// autocannon reports p90, p97.5 and p99; p95 is interpolated between the two around it.
function percentile(result: Result, p: 95): number {
  const { p90, p97_5 } = result.latency;
  return Math.round((p90 + ((p - 90) / 7.5) * (p97_5 - p90)) * 10) / 10;
}

function load(options: { connections: number; duration: number; requests: Request[]; cookie?: string }): Promise<Result> {
  return autocannon({
    url: BASE,
    connections: options.connections,
    duration: options.duration,
    headers: options.cookie ? { cookie: options.cookie } : {},
    requests: options.requests,
  });
}

const get = (path: string): Request[] => [{ method: "GET", path }];

/** The session's commitments in the benchmark data. */
const COMMITMENTS = Array.from({ length: 25 }, (_, i) => `${SESSION}/${i + 1}`);

/**
 * Reads the pair's version, then submits a report based on it — as a delegate's form does. To
 * any of the country's pairs but the timeline's: its history stays as long from run to run, and
 * so does what its page costs. What the first request learns is kept in autocannon's context,
 * which is each connection's own: a closure's variables would be shared by every connection, and
 * one connection's submission would go out with another's commitment and version (a 409).
 */
function submission(country: string): Request[] {
  const commitments = COMMITMENTS.filter((code) => country !== TIMELINE_PAIR.country || code !== TIMELINE_PAIR.commitment);
  type Pending = { commitment?: string; baseVersion?: number };
  return [
    {
      method: "GET",
      setupRequest: (request, context: Pending) => {
        context.commitment = commitments[Math.floor(Math.random() * commitments.length)]!;
        // The smallest page: the form needs the version, not the history.
        return { ...request, path: `/api/v1/countries/${country}/reports?commitment=${encodeURIComponent(context.commitment)}&limit=1` };
      },
      onResponse: (_status, body, context: Pending) => {
        try {
          context.baseVersion = (JSON.parse(body) as { version?: number }).version ?? 0;
        } catch {
          context.baseVersion = 0;
        }
      },
    },
    {
      method: "POST",
      path: "/api/v1/reports",
      headers: { "content-type": "application/json" },
      setupRequest: (request, context: Pending) => ({
        ...request,
        body: JSON.stringify({
          commitment: context.commitment,
          country,
          status: "SUBSTANTIAL",
          narrative: `Load test report ${randomBytes(4).toString("hex")}`,
          evidenceLinks: [],
          visibility: "RESTRICTED",
          baseVersion: context.baseVersion ?? 0,
        }),
      }),
    },
  ];
}

const TIMELINE_PAIR = { country: "QA", commitment: `${SESSION}/1` };
const TIMELINE_HISTORY = 200;

/**
 * The timeline's pair gets a long history, as a pair reported on for years would have (the
 * generated data gives a pair 1 to 9 reports at 100k): reports are added through the API, as a
 * delegate would, until it has TIMELINE_HISTORY (the mix's submissions go to other pairs).
 * Returns the number of reports it has.
 */
async function lengthenTimeline(cookie: string): Promise<number> {
  const { country, commitment } = TIMELINE_PAIR;
  const texts = [
    "The national plan has been adopted and **most of its measures** are being implemented:\n\n- staff training under way\n- a [public register](https://example.org/register) opened",
    "اعتُمدت الخطة الوطنية وبدأ تنفيذ *معظم* بنودها، مع تدريب الكوادر المختصة.",
  ];
  for (;;) {
    const state = await fetch(`${BASE}/api/v1/countries/${country}/reports?commitment=${encodeURIComponent(commitment)}&limit=1`, { headers: { cookie } });
    const version = state.ok ? ((await state.json()) as { version: number }).version : 0;
    if (version >= TIMELINE_HISTORY) return version;
    const response = await fetch(`${BASE}/api/v1/reports`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({
        commitment,
        country,
        status: ["LIMITED", "SUBSTANTIAL", "COMPLETE", "NOT_STARTED"][version % 4],
        narrative: `${texts[version % 2]} (${version + 1})`,
        evidenceLinks: version % 3 ? [] : ["https://example.org/evidence.pdf"],
        visibility: ["RESTRICTED", "MEMBERS", "OBSERVERS"][version % 3],
        baseVersion: version,
      }),
    });
    if (response.status !== 201) throw new Error(`Could not lengthen the timeline (${response.status}).`);
  }
}


async function delegateMix(connections: number, cookie: string, seconds = duration): Promise<EndpointResult[]> {
  // The connections are shared out over the four endpoints, all running at once.
  const share = [0.3, 0.3, 0.2, 0.2].map((f) => Math.max(1, Math.round(connections * f)));
  const endpoints: [string, Request[]][] = [
    ["GET dashboard", get(`/en?session=${SESSION}`)],
    ["GET country page", get("/en/countries/QA")],
    ["GET commitment timeline", get(`/en/countries/${TIMELINE_PAIR.country}/commitments/${TIMELINE_PAIR.commitment}`)],
    ["POST report (read version, submit)", submission("QA")],
  ];
  const results = await Promise.all(
    endpoints.map(([, requests], i) => load({ connections: share[i]!, duration: seconds, requests, cookie })),
  );
  return results.map((result, i) => summarise(endpoints[i]![0], share[i]!, result));
}

/** CSRF token, then credentials: each connection signs in with its own token and cookie. */
function loginRequests(email: string, password: string): Request[] {
  type Csrf = { cookie?: string; csrfToken?: string };
  return [
    {
      method: "GET",
      path: "/api/auth/csrf",
      onResponse: (_status, body, context: Csrf, headers) => {
        context.csrfToken = (JSON.parse(body) as { csrfToken: string }).csrfToken;
        const setCookie = headers?.["set-cookie"];
        context.cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ""]).map((c) => String(c).split(";")[0]).join("; ");
      },
    },
    {
      method: "POST",
      path: "/api/auth/callback/credentials",
      setupRequest: (request, context: Csrf) => ({
        ...request,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: context.cookie ?? "" },
        body: new URLSearchParams({ csrfToken: context.csrfToken ?? "", email, password, json: "true" }).toString(),
      }),
    },
  ];
}

function printTable(title: string, rows: EndpointResult[]) {
  console.log(`\n${title}`);
  console.log("endpoint                               conn    req/s     p50     p95     p99  statuses");
  for (const r of rows) {
    const statuses = Object.entries(r.statuses).map(([code, n]) => `${code}×${n}`).join(" ");
    console.log(
      `${r.endpoint.padEnd(38)} ${String(r.connections).padStart(4)} ${String(r.requestsPerSecond).padStart(8)} ` +
        `${r.p50.toFixed(0).padStart(7)} ${r.p95.toFixed(0).padStart(7)} ${r.p99.toFixed(0).padStart(7)}  ${statuses}${r.errors ? ` errors×${r.errors}` : ""}`,
    );
  }
}

function printCores(cores: CoresUsed) {
  console.log(`cores busy: app ${cores.app}, PostgreSQL ${cores.postgres}, load generator ${cores.loadGenerator} (of ${os.cpus().length})`);
}

async function main() {
  const reports = parseCount(values.reports!);
  const workers = workerCount(process.env);
  const concurrency = requestConcurrency(process.env);
  console.log(`${workers} server processes (WEB_CONCURRENCY) rendering ${concurrency} requests at once each (REQUEST_CONCURRENCY), as npm start runs them.`);
  const app = await startBenchApp({ port: PORT, reports, workers });
  try {
    const cookie = await app.signIn("delegate.qa@bench.tanfeeth.org");

    const timelineReports = await lengthenTimeline(cookie);
    console.log(`The timeline's pair (${TIMELINE_PAIR.country} ${TIMELINE_PAIR.commitment}) has ${timelineReports} reports.`);

    // The measurements are of a running app: the first requests of a fresh process load each
    // page's code and warm the JIT (seconds at first), which a server that has run for a minute
    // no longer pays. The mix runs unrecorded first.
    console.log(`Warming up (${WARM_UP_SECONDS} s of the mix, not recorded) …`);
    await delegateMix(10, cookie, WARM_UP_SECONDS);
    const measure = (connections: number) => machineUseDuring(app.databaseUrl, () => delegateMix(connections, cookie));
    const { result: at10, cores: cores10, load: load10 } = await measure(10);
    printTable(`Delegate mix, 10 connections, ${duration} s (load average ${load10.min}–${load10.max})`, at10);
    printCores(cores10);
    const { result: at50, cores: cores50, load: load50 } = await measure(50);
    printTable(`Delegate mix, 50 connections, ${duration} s (load average ${load50.min}–${load50.max})`, at50);
    printCores(cores50);

    const loginDuration = Math.min(duration, 20);
    const logins = summarise("login (CSRF + credentials)", 4, await load({
      connections: 4,
      duration: loginDuration,
      requests: loginRequests("delegate.dz@bench.tanfeeth.org", BENCH_PASSWORD),
    }));
    printTable(`Login mix, 4 connections, ${loginDuration} s`, [logins]);

    // The flood and the dashboard at once: throttled sign-ins must leave the CPUs to the dashboard.
    const [flood, dashboardDuringFlood] = await Promise.all([
      load({ connections: 20, duration: loginDuration, requests: loginRequests("delegate.ma@bench.tanfeeth.org", "wrong password!") }),
      load({ connections: 5, duration: loginDuration, requests: get(`/en?session=${SESSION}`), cookie }),
    ]);
    const floodRows = [
      summarise("login flood (wrong password)", 20, flood),
      summarise("GET dashboard during the flood", 5, dashboardDuringFlood),
    ];
    printTable(`Login flood, ${loginDuration} s`, floodRows);

    const results = {
      measuredAt: new Date().toISOString(),
      machine: `${os.cpus().length} cores shared with other work, loopback`,
      serverProcesses: workers,
      requestConcurrency: concurrency,
      reports,
      durationSeconds: duration,
      warmUpSeconds: WARM_UP_SECONDS,
      timelinePair: { ...TIMELINE_PAIR, reports: timelineReports },
      loadAverage: { delegateMix10: load10, delegateMix50: load50 },
      // Cores kept busy on average: the app's server processes, PostgreSQL, the load generator.
      coresUsed: { delegateMix10: cores10, delegateMix50: cores50 },
      delegateMix10: at10,
      delegateMix50: at50,
      loginMix: logins,
      loginFlood: floodRows,
      targets: {
        "p95 at 10 connections ≤ 300 ms": at10.every((r) => r.p95 <= 300),
        "no errors but 409 at 10 connections": at10.every((r) => r.errors === 0 && Object.keys(r.statuses).every((s) => s < "400" || s === "409")),
        "no errors at 50 connections, p99 ≤ 1 s": at50.every((r) => r.errors === 0 && r.p99 <= 1000 && Object.keys(r.statuses).every((s) => s < "400" || s === "409")),
      },
    };
    mkdirSync(path.join(root, "bench/results"), { recursive: true });
    writeFileSync(path.join(root, "bench/results/load.json"), `${JSON.stringify(results, null, 2)}\n`);
    console.log("\nTargets:", results.targets);
    console.log("Written to bench/results/load.json");
  } finally {
    await app.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
