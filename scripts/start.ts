// `npm start`: serves Tanfeeth on PORT (3000), one server process per core (WEB_CONCURRENCY).
// Without DATABASE_URL it runs an embedded PostgreSQL 15 (data in .data/postgres, kept
// across restarts), applies the migrations, seeds the 35th session and demo data into an
// empty database, builds if the sources changed, and serves. With DATABASE_URL it uses that
// server and seeds nothing (`npm run db:seed` does, on request).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { generateTotpSecret, isTotpSecret } from "../lib/auth/totp";
import { DEFAULT_DEMO_PASSWORD, demoAccounts } from "../prisma/seed-data/demo";
import { buildIfChanged } from "./support/build-fingerprint";
import { requestConcurrency, startNextCluster, workerCount, type NextCluster } from "./support/next-cluster";
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedDatabase } from "./support/embedded-postgres";
import { run } from "./support/run";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.TANFEETH_DATA_DIR ?? ".data");
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
/** `npm run dev`: the same database set-up, with Next's development server. */
const dev = process.argv.includes("--dev");

async function isEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM council_session");
    return rows[0]?.n === "0";
  } finally {
    await client.end();
  }
}

/** A value kept in the data directory across restarts, created on first use. */
function persisted(file: string, create: () => string): string {
  const full = path.join(dataDir, file);
  if (!existsSync(full)) writeFileSync(full, create(), { mode: 0o600 });
  return readFileSync(full, "utf8").trim();
}

function printDemoAccounts(password: string, totpSecret: string) {
  console.log("\nDemo accounts (password: %s):", password);
  for (const account of demoAccounts()) {
    console.log(`  ${account.role.padEnd(11)} ${account.email}`);
  }
  console.log(`\nThe demo admin and secretariat sign in with a TOTP code (authenticator app) for the secret`);
  console.log(`  DEMO_TOTP_SECRET=${totpSecret}`);
}

async function main() {
  const workers = dev ? 1 : workerCount(process.env);
  const concurrency = requestConcurrency(process.env);
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  // next-auth builds its callback and redirect URLs on it; set it to the public https:// URL in production.
  env.NEXTAUTH_URL ||= `http://localhost:${port}`;
  let embedded: EmbeddedDatabase | undefined;

  if (!env.DATABASE_URL) {
    mkdirSync(dataDir, { recursive: true });
    console.log(`Starting the embedded PostgreSQL (data in ${path.relative(root, dataDir) || "."}/postgres) …`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    await ensureDatabase(embedded.adminUrl, "tanfeeth");
    env.DATABASE_URL = embedded.urlFor("tanfeeth");
    env.TANFEETH_DEMO = "1";
    // Demo mode keeps its own secrets and demo TOTP secret across restarts.
    env.AUTH_SECRET ||= persisted("auth-secret", () => randomBytes(32).toString("base64url"));
    env.TOTP_ENCRYPTION_KEY ||= persisted("totp-encryption-key", () => randomBytes(32).toString("base64"));
    env.DEMO_TOTP_SECRET ||= persisted("demo-totp-secret", generateTotpSecret);
    if (!isTotpSecret(env.DEMO_TOTP_SECRET)) throw new Error("DEMO_TOTP_SECRET must be a base32 secret (A–Z, 2–7).");
    // Where scripts (backups, tests) find the running database.
    writeFileSync(path.join(dataDir, "database-url"), env.DATABASE_URL, { mode: 0o600 });
  }

  await run("npx", ["prisma", "migrate", "deploy"], { env, quiet: true });

  const demoPassword = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  if (embedded) {
    if (await isEmpty(env.DATABASE_URL)) {
      console.log("Empty database: seeding the 35th session and demo data …");
      await run("npx", ["tsx", "--conditions=react-server", "prisma/seed.ts"], { env: { ...env, SEED_DEMO: "1" } });
    }
  }

  if (!dev) await buildIfChanged(root, { env, announce: "Building the app (sources changed since the last build) …" });

  const serverEnv: NodeJS.ProcessEnv = { ...env, NODE_ENV: dev ? "development" : "production", PORT: String(port) };
  const server = dev ? devServer(serverEnv) : startNextCluster({ port, workers, concurrency, env: serverEnv });

  if (embedded) printDemoAccounts(demoPassword, env.DEMO_TOTP_SECRET!);
  console.log(`\nTanfeeth: http://localhost:${port}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    server.stop(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const code = await server.exited;
  if (embedded) await embedded.stop();
  process.exit(stopping ? 0 : code);
}

/** `next dev`, one process; Node runs Next directly (no npx in between), so that signals reach it. */
function devServer(env: NodeJS.ProcessEnv): NextCluster {
  const server = spawn(process.execPath, [nextBin, "dev", "--port", String(port)], { cwd: root, env, stdio: "inherit" });
  const exited = new Promise<number>((resolve) => server.once("exit", (code) => resolve(code ?? 1)));
  return { exited, stop: (signal) => void server.kill(signal) };
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
