// Threat: a database restart (a fast shutdown, then a crash-like immediate one) during use
// kills the app, leaves it broken until someone restarts it, answers 500s long after the
// database is back, or acknowledges a write that is then lost.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { pgCtl, pgCtlAsync } from "../scripts/support/embedded-postgres";
import { DEMO_EMAIL, signInOverHttp } from "./support/accounts";
import { DEMO_TOTP_SECRET } from "./support/constants";

const PORT = 3190;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = ".data/e2e-outage";
const LOAD_MS = 20_000;

test.describe.configure({ mode: "serial", timeout: 240_000 });

let app: ChildProcess;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  app = spawn("npm", ["start"], {
    env: { ...process.env, DATABASE_URL: "", TANFEETH_DATA_DIR: DATA_DIR, PORT: String(PORT), NEXTAUTH_URL: BASE, DEMO_TOTP_SECRET },
    stdio: "ignore",
    // Its own process group, so that stopping it stops npm, tsx and Next together.
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app under test did not start.");
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  // A server that pg_ctl restarted is no longer the app's child: stop it too.
  try {
    pgCtl(path.resolve(DATA_DIR, "postgres"), ["stop", "-m", "fast", "-w"]);
  } catch {
    // already stopped
  }
});

type Outcome = { at: number; status: number; kind: "write" | "page"; marker?: string; body?: string };

test("the app rides out database restarts and loses no acknowledged write", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE });
  expect((await signInOverHttp(request, { email: DEMO_EMAIL.delegateA })).status()).toBe(200);

  const outcomes: Outcome[] = [];
  const windows: { from: number; to: number }[] = [];
  const started = Date.now();
  const dataDir = path.resolve(DATA_DIR, "postgres");

  const restart = async (afterMs: number, mode: "fast" | "immediate") => {
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    const from = Date.now();
    // pg_ctl restart reuses the server's own options (port, loopback only) from postmaster.opts.
    await pgCtlAsync(dataDir, ["restart", "-m", mode, "-w", "-t", "60"]);
    windows.push({ from, to: Date.now() });
  };

  const worker = async (n: number) => {
    while (Date.now() - started < LOAD_MS) {
      const commitment = `35/${1 + (n % 8)}`;
      const marker = `outage-${randomBytes(6).toString("hex")}`;
      const read = await request.get(`/api/v1/countries/QA/reports?commitment=${encodeURIComponent(commitment)}`).catch(() => null);
      const version = read?.ok() ? ((await read.json()) as { version: number }).version : null;
      if (read && !read.ok()) outcomes.push({ at: Date.now(), status: read.status(), kind: "page" });
      if (version === null) continue;
      const write = await request
        .post("/api/v1/reports", {
          data: {
            commitment,
            country: "QA",
            status: "SUBSTANTIAL",
            narrative: marker,
            evidenceLinks: [],
            visibility: "RESTRICTED",
            baseVersion: version,
          },
        })
        .catch(() => null);
      outcomes.push({ at: Date.now(), status: write?.status() ?? 0, kind: "write", marker });
      const page = await request.get("/en", { maxRedirects: 0 }).catch(() => null);
      const status = page?.status() ?? 0;
      outcomes.push({ at: Date.now(), status, kind: "page", ...(status >= 500 && page ? { body: await page.text() } : {}) });
    }
  };

  await Promise.all([
    ...[0, 1, 2, 3].map(worker),
    (async () => {
      await restart(4_000, "fast");
      await restart(5_000, "immediate");
    })(),
  ]);

  // The app never exited, and is healthy again.
  expect(app.exitCode).toBeNull();
  expect((await request.get("/api/health")).status()).toBe(200);

  const statuses: Record<string, number> = {};
  for (const o of outcomes) statuses[`${o.kind} ${o.status}`] = (statuses[`${o.kind} ${o.status}`] ?? 0) + 1;
  console.log("outage windows (ms)", windows.map((w) => [w.from - started, w.to - started]), "outcomes", statuses);

  // Failures only while the database was away, plus two seconds; 409s are expected conflicts.
  const failures = outcomes.filter((o) => o.status !== 200 && o.status !== 201 && o.status !== 409);
  const duringOutage = (at: number) => windows.some((w) => at >= w.from && at <= w.to + 2_000);
  expect(failures.filter((f) => !duringOutage(f.at)), JSON.stringify(windows)).toEqual([]);
  // While it was away, pages said 503. Only a request already being served when the server
  // went down (at most one per connection, answered within the first seconds — on a busy
  // machine such a request can take a while to fail) may end in the generic error page
  // instead — and never with a stack trace.
  const others = failures.filter((f) => f.status !== 503 && f.status !== 0);
  for (const window of windows) {
    const inWindow = others.filter((f) => f.at >= window.from && f.at <= window.to + 2_000);
    expect(inWindow.length, "in-flight failures per outage").toBeLessThanOrEqual(4);
    for (const f of inWindow) expect(f.at - window.from, "only right after the shutdown").toBeLessThanOrEqual(3_000);
  }
  for (const f of others.filter((o) => o.body)) {
    expect(f.body).not.toMatch(/node_modules|PrismaClient|\n\s+at /);
  }

  // Every acknowledged write is in the history.
  const acknowledged = outcomes.filter((o) => o.kind === "write" && o.status === 201).map((o) => o.marker!);
  expect(acknowledged.length).toBeGreaterThan(10);
  const url = readFileSync(`${DATA_DIR}/database-url`, "utf8").trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ narrative: string }>("SELECT narrative FROM report WHERE narrative = ANY($1)", [acknowledged]);
  await client.end();
  expect(rows.map((r) => r.narrative).sort()).toEqual([...acknowledged].sort());
  await request.dispose();
});
