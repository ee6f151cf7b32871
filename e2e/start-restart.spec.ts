// `npm start` as the README promises it: demo accounts printed on a first start, PostgreSQL
// stopped cleanly by Ctrl-C, everything kept across a restart, nothing seeded twice, the
// migrations clean, and a server process that dies replaced.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEMO_EMAIL, signInOverHttp } from "./support/accounts";
import { DEMO_TOTP_SECRET } from "./support/constants";

const PORT = 3191;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = ".data/e2e-start";

test.describe.configure({ mode: "serial", timeout: 240_000 });

type Exit = { code: number | null; signal: NodeJS.Signals | null };
type Started = { app: ChildProcess; output: () => string; exited: Promise<Exit> };

async function start(): Promise<Started> {
  let output = "";
  const app = spawn("npm", ["start"], {
    env: { ...process.env, DATABASE_URL: "", TANFEETH_DATA_DIR: DATA_DIR, PORT: String(PORT), NEXTAUTH_URL: BASE, DEMO_TOTP_SECRET, WEB_CONCURRENCY: "2" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: Ctrl-C reaches npm, tsx and Next together
  });
  app.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  app.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => app.once("exit", (code, signal) => resolve({ code, signal })));
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return { app, output: () => output, exited };
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not start:\n${output}`);
}

/**
 * The app's server processes, read from /proc: Next names itself "next-server", and these run
 * with this test's data directory.
 */
function serverProcesses(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return (
          readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("next-server") &&
          readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`TANFEETH_DATA_DIR=${DATA_DIR}`)
        );
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
}

/**
 * Ctrl-C in the terminal: SIGINT to the whole process group. npm itself ends on the signal;
 * the start script stops Next, then PostgreSQL. Resolves once PostgreSQL has shut down.
 */
async function interrupt(started: Started): Promise<void> {
  process.kill(-started.app.pid!, "SIGINT");
  const exit = await started.exited;
  expect(exit.code === 0 || exit.signal === "SIGINT", JSON.stringify(exit)).toBe(true);
  // A clean shutdown removes postmaster.pid; a killed server leaves it behind.
  await expect.poll(() => existsSync(path.join(DATA_DIR, "postgres", "postmaster.pid")), { timeout: 20_000 }).toBe(false);
  expect(started.output()).not.toMatch(/error/i);
}

test.afterAll(() => {
  rmSync(DATA_DIR, { recursive: true, force: true });
});

test("npm start keeps everything across Ctrl-C and a restart, and seeds only once", async ({ playwright }) => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const first = await start();
  expect(first.output()).toContain("Empty database: seeding");
  expect(first.output()).toContain(DEMO_EMAIL.delegateA);
  expect(first.output()).toContain(`DEMO_TOTP_SECRET=${DEMO_TOTP_SECRET}`);

  // A report written before the restart.
  const request = await playwright.request.newContext({ baseURL: BASE });
  expect((await signInOverHttp(request, { email: DEMO_EMAIL.delegateA })).status()).toBe(200);
  const marker = `restart-${randomBytes(6).toString("hex")}`;
  const before = (await (await request.get("/api/v1/countries/QA/reports?commitment=35/4")).json()) as { version: number };
  const written = await request.post("/api/v1/reports", {
    data: { commitment: "35/4", country: "QA", status: "LIMITED", narrative: marker, evidenceLinks: [], visibility: "RESTRICTED", baseVersion: before.version },
  });
  expect(written.status()).toBe(201);
  await request.dispose();

  await interrupt(first);

  const second = await start();
  try {
    expect(second.output()).not.toContain("Empty database: seeding");
    const again = await playwright.request.newContext({ baseURL: BASE });
    // The session secret is kept too: the same demo account signs in, and the report is there.
    expect((await signInOverHttp(again, { email: DEMO_EMAIL.delegateA })).status()).toBe(200);
    const pair = (await (await again.get("/api/v1/countries/QA/reports?commitment=35/4")).json()) as {
      version: number;
      timeline: { narrative?: string }[];
    };
    expect(pair.version).toBe(before.version + 1);
    expect(pair.timeline.some((entry) => entry.narrative === marker)).toBe(true);
    await again.dispose();

    // A server process that dies (here: killed) is replaced; the others serve meanwhile.
    const workers = serverProcesses();
    expect(workers).toHaveLength(2);
    process.kill(workers[0]!, "SIGKILL");
    await expect.poll(() => second.output()).toMatch(/A server process exited \(SIGKILL\); starting another/);
    await expect.poll(() => serverProcesses().filter((pid) => pid !== workers[0]).length, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await fetch(`${BASE}/api/health`)).status, { timeout: 30_000 }).toBe(200);

    const databaseUrl = readFileSync(path.join(DATA_DIR, "database-url"), "utf8").trim();
    const status = execFileSync("npx", ["prisma", "migrate", "status"], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
    expect(status).toContain("Database schema is up to date");
  } finally {
    await interrupt(second);
  }
});
