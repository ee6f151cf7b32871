// The app under the load benchmarks (run.ts, profile.ts): a production build served as
// `npm start` serves it (one Next.js process per core, WEB_CONCURRENCY, each rendering
// REQUEST_CONCURRENCY requests at once) on loopback, against its own embedded database filled
// with the dashboard benchmark's data (generated once per size).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { buildIfChanged } from "../../scripts/support/build-fingerprint";
import { requestConcurrency, startNextCluster, workerCount } from "../../scripts/support/next-cluster";
import { createReferenceDatabase, databaseExists, migrateDatabase, startBenchServer, withClient } from "../dashboard/bench-database";
import { BENCH_PASSWORD } from "../dashboard/reference-rows";
import { generateDashboardData } from "../dashboard/generate";

const root = path.resolve(import.meta.dirname, "../..");

export type BenchApp = {
  /** The app's database. */
  databaseUrl: string;
  /** Signs a benchmark account in through next-auth's endpoints; returns its session cookie. */
  signIn(email: string): Promise<string>;
  /** Stops the app (waiting for it, so that a CPU profile is written), then PostgreSQL. */
  stop(): Promise<void>;
};

async function waitForHealth(base: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The app did not become healthy.");
}

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, json: "true" }),
    redirect: "manual",
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Sign-in of ${email} failed (${response.status}).`);
  return session.split(";")[0]!;
}

export async function startBenchApp(options: { port: number; reports: number; workers?: number; nodeArgs?: string[] }): Promise<BenchApp> {
  const base = `http://127.0.0.1:${options.port}`;
  const server = await startBenchServer();
  const name = `load_${options.reports}`;
  try {
    if (!(await databaseExists(server, name))) {
      console.log(`Generating ${name} …`);
      await generateDashboardData(await createReferenceDatabase(server, name), { reports: options.reports });
    }
    // A database generated before the last migrations is brought up to date, as npm start would.
    await migrateDatabase(server.urlFor(name));
    // The last run's login flood left 127.0.0.1 over the sign-in throttle's daily limit.
    await withClient(server.urlFor(name), (client) => client.query("DELETE FROM login_attempt"));
    await buildIfChanged(root, { env: process.env, announce: "Building …" });
  } catch (error) {
    await server.stop();
    throw error;
  }
  const app = startNextCluster({
    port: options.port,
    workers: options.workers ?? workerCount(process.env),
    concurrency: requestConcurrency(process.env),
    execArgv: options.nodeArgs,
    quiet: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: server.urlFor(name),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TOTP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const stop = async () => {
    app.stop("SIGINT");
    await app.exited;
    await server.stop();
  };
  try {
    await waitForHealth(base);
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl: server.urlFor(name), signIn: (email) => signIn(base, email), stop };
}
