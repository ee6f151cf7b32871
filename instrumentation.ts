// Runs once when the server starts: an invalid environment (e.g. no AUTH_SECRET in
// production) stops it with a clear message instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("@/lib/env");
  }
}
