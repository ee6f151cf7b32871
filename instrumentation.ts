import type { Instrumentation } from "next";

// Runs once when the server starts: an invalid environment (e.g. no AUTH_SECRET in
// production) stops it with a clear message instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("@/lib/env");
  }
}

// Every error of a page, route handler or action: if the database went away, the proxy
// answers 503 from the next request on.
export const onRequestError: Instrumentation.onRequestError = async (error) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ isDatabaseUnavailable }, { markDatabaseDown }] = await Promise.all([
    import("@/lib/db-errors"),
    import("@/lib/database-status"),
  ]);
  if (isDatabaseUnavailable(error)) markDatabaseDown();
};
