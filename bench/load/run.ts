// `npm run bench:load [-- --reports 100k --duration 60]`: load on a production build, on loopback,
// against its own database filled with the dashboard benchmark's data.
//   1. a signed-in delegate mix — dashboard, country page, commitment timeline, report
//      submission (409s expected when two connections submit on the same version) —
//      at 10 connections, then at 50;
//   2. a login mix (CSRF token, then credentials) of legitimate sign-ins;
//   3. a login flood (wrong passwords for one account) next to dashboard traffic: refused by
//      the throttle before hashing, it must not starve the dashboard.
// Prints requests/s, p50/p95/p99 and errors per endpoint; writes bench/results/load.json.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon, { type Request, type Result } from "autocannon";
import { createReferenceDatabase, databaseExists, startBenchServer } from "../dashboard/bench-database";
import { parseCount } from "../dashboard/cli-args";
import { generateDashboardData } from "../dashboard/generate";
import { buildIsCurrent, recordBuild } from "../../scripts/support/build-fingerprint";
import { run } from "../../scripts/support/run";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3300;
const BASE = `http://127.0.0.1:${PORT}`;
const BENCH_PASSWORD = "Tanfeeth-bench-40";
const SESSION = 40;

const { values } = parseArgs({
  options: {
    reports: { type: "string", default: "100k" },
    duration: { type: "string", default: "60" },
  },
});
const duration = Number(values.duration);

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

async function waitForHealth(): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not become healthy.");
}

async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: "true" }),
    redirect: "manual",
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in of ${email} failed (${response.status}).`);
  return session.split(";")[0]!;
}

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

/** Reads the pair's version, then submits a report based on it — as a delegate's form does. */
function submission(country: string): Request[] {
  let commitment = "";
  let baseVersion = 0;
  return [
    {
      method: "GET",
      setupRequest: (request) => {
        commitment = `${SESSION}/${1 + Math.floor(Math.random() * 25)}`;
        // The smallest page: the form needs the version, not the history.
        return { ...request, path: `/api/v1/countries/${country}/reports?commitment=${encodeURIComponent(commitment)}&limit=1` };
      },
      onResponse: (_status, body) => {
        try {
          baseVersion = (JSON.parse(body) as { version?: number }).version ?? 0;
        } catch {
          baseVersion = 0;
        }
      },
    },
    {
      method: "POST",
      path: "/api/v1/reports",
      headers: { "content-type": "application/json" },
      setupRequest: (request) => ({
        ...request,
        body: JSON.stringify({
          commitment,
          country,
          status: "SUBSTANTIAL",
          narrative: `Load test report ${randomBytes(4).toString("hex")}`,
          evidenceLinks: [],
          visibility: "RESTRICTED",
          baseVersion,
        }),
      }),
    },
  ];
}

async function delegateMix(connections: number, cookie: string): Promise<EndpointResult[]> {
  // The connections are shared out over the four endpoints, all running at once.
  const share = [0.3, 0.3, 0.2, 0.2].map((f) => Math.max(1, Math.round(connections * f)));
  const endpoints: [string, Request[]][] = [
    ["GET dashboard", get(`/en?session=${SESSION}`)],
    ["GET country page", get("/en/countries/QA")],
    ["GET commitment timeline", get(`/en/countries/QA/commitments/${SESSION}/1`)],
    ["POST report (read version, submit)", submission("QA")],
  ];
  const results = await Promise.all(
    endpoints.map(([, requests], i) => load({ connections: share[i]!, duration, requests, cookie })),
  );
  return results.map((result, i) => summarise(endpoints[i]![0], share[i]!, result));
}

function loginRequests(email: string, password: string): Request[] {
  let cookie = "";
  let csrfToken = "";
  return [
    {
      method: "GET",
      path: "/api/auth/csrf",
      onResponse: (_status, body, _context, headers) => {
        csrfToken = (JSON.parse(body) as { csrfToken: string }).csrfToken;
        const setCookie = headers?.["set-cookie"];
        cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ""]).map((c) => String(c).split(";")[0]).join("; ");
      },
    },
    {
      method: "POST",
      path: "/api/auth/callback/credentials",
      setupRequest: (request) => ({
        ...request,
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
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

async function main() {
  const reports = parseCount(values.reports!);
  const server = await startBenchServer();
  let app: ChildProcess | undefined;
  try {
    const name = `load_${reports}`;
    if (!(await databaseExists(server, name))) {
      console.log(`Generating ${name} …`);
      await generateDashboardData(await createReferenceDatabase(server, name), { reports });
    }
    if (!buildIsCurrent(root)) {
      console.log("Building …");
      await run("npx", ["next", "build"], { env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
      recordBuild(root);
    }
    app = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(PORT)], {
      cwd: root,
      stdio: "ignore",
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: server.urlFor(name),
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXTAUTH_URL: BASE,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    });
    await waitForHealth();
    const cookie = await signIn("delegate.qa@bench.tanfeeth.org");

    const at10 = await delegateMix(10, cookie);
    printTable(`Delegate mix, 10 connections, ${duration} s`, at10);
    const at50 = await delegateMix(50, cookie);
    printTable(`Delegate mix, 50 connections, ${duration} s`, at50);

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
      machine: "2 cores, loopback",
      reports,
      durationSeconds: duration,
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
    app?.kill("SIGTERM");
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
