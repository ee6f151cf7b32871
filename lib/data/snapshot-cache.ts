import "server-only";
// The dashboard's figures are read far more often than they change, and one reading costs tens
// of milliseconds of PostgreSQL and of this process. A reading is kept and served again while
// the database is in the same state. The state is PostgreSQL's snapshot (pg_current_snapshot():
// which transactions a reading would see), so it changes with every committed write, whatever
// the table, and every instance of the app judges it against the same database: a kept reading
// is never older than what the request would have read itself, and a write is visible to the
// very next request. What is kept is keyed by everything else the reading depends on (the
// viewer's scope, the query, the date); it is shared, so callers never change what they get.
import { cache } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** Readings kept per process (a dashboard reading is some 100 kB); the least recently used go first. */
export const READINGS_KEPT = 64;

const kept = new Map<string, Promise<unknown>>();

/** The database's state, read once per request (React's cache; outside a render, on every call). */
const databaseState = cache(async (): Promise<string> => {
  const [row] = await db.$queryRaw<{ snapshot: string }[]>`SELECT pg_current_snapshot()::text AS snapshot`;
  return row!.snapshot;
});

/** Frozen through and through: a caller that changes a shared reading fails loudly. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

// Freezing costs time on every reading; tests and development pay it, production does not.
const guard: <T>(value: T) => T = env.NODE_ENV === "production" ? (value) => value : deepFreeze;

/**
 * `load()`'s result, kept under `key` for as long as the database stays in the state it was
 * read in. Concurrent requests for the same reading share one load; a failed load is not kept.
 */
export async function keptReading<T>(key: unknown[], load: () => Promise<T>): Promise<T> {
  // The state is read before the data, so what is kept under it is at least that recent.
  const id = `${await databaseState()} ${JSON.stringify(key)}`;
  const found = kept.get(id) as Promise<T> | undefined;
  if (found) {
    kept.delete(id);
    kept.set(id, found);
    return found;
  }
  const reading = load().then(guard);
  kept.set(id, reading);
  if (kept.size > READINGS_KEPT) kept.delete(kept.keys().next().value!);
  reading.catch(() => {
    if (kept.get(id) === reading) kept.delete(id);
  });
  return reading;
}
