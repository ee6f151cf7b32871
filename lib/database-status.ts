// Whether PostgreSQL answers, known to the proxy without a query per request: checked at most
// once a second, with a short timeout, on a one-connection pool of its own — and marked down
// at once when a request fails because the database went away (instrumentation.ts), so that
// the next requests get a 503 rather than an error from deep inside a page.
import pg from "pg";
import { env } from "@/lib/env";

const CHECK_EVERY_MS = 1_000;

type Status = { up: boolean; checkedAt: number; pool?: pg.Pool; inFlight?: Promise<boolean> };

// On globalThis: the proxy, the pages and instrumentation.ts are separate module graphs in
// one Node.js process, and must share one view of the database.
const status: Status = ((globalThis as { tanfeethDatabaseStatus?: Status }).tanfeethDatabaseStatus ??= {
  up: true,
  checkedAt: 0,
});

function statusPool(): pg.Pool {
  if (!status.pool) {
    status.pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: 1,
      connectionTimeoutMillis: 1_000,
      query_timeout: 1_000,
      idleTimeoutMillis: 10_000,
      application_name: "tanfeeth-status",
    });
    // A dropped idle connection must not crash the process; the next check reconnects.
    status.pool.on("error", () => {});
  }
  return status.pool;
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
  if (now - status.checkedAt < CHECK_EVERY_MS) return status.up;
  status.inFlight ??= check().then((up) => {
    status.up = up;
    status.checkedAt = Date.now();
    status.inFlight = undefined;
    return up;
  });
  return status.inFlight;
}

/** A request just failed because PostgreSQL is unreachable: answer 503 until a check says otherwise. */
export function markDatabaseDown(now = Date.now()): void {
  status.up = false;
  status.checkedAt = now;
}
