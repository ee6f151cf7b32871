// Whether PostgreSQL answers, known to the proxy without a query per request: checked at most
// once a second, with a short timeout, on a one-connection pool of its own.
import pg from "pg";
import { env } from "@/lib/env";

const CHECK_EVERY_MS = 1_000;

let pool: pg.Pool | undefined;
let state: { up: boolean; checkedAt: number } = { up: true, checkedAt: 0 };
let inFlight: Promise<boolean> | undefined;

function statusPool(): pg.Pool {
  pool ??= new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: 1,
    connectionTimeoutMillis: 1_000,
    query_timeout: 1_000,
    idleTimeoutMillis: 10_000,
    application_name: "tanfeeth-status",
  });
  // A dropped idle connection must not crash the process; the next check reconnects.
  pool.removeAllListeners("error");
  pool.on("error", () => {});
  return pool;
}

async function check(): Promise<boolean> {
  try {
    await statusPool().query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export async function databaseIsUp(now = Date.now()): Promise<boolean> {
  if (now - state.checkedAt < CHECK_EVERY_MS) return state.up;
  inFlight ??= check().then((up) => {
    state = { up, checkedAt: Date.now() };
    inFlight = undefined;
    return up;
  });
  return inFlight;
}
