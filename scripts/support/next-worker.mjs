// @ts-check
// One server process of `npm start` (scripts/support/next-cluster.ts forks one per core):
// Next.js's own request handler, as `next start` runs it, behind the admission queue of
// request-queue.mjs. Arguments: the port and the number of requests rendered at once.
import http from "node:http";
import path from "node:path";
import { queueRequests } from "./request-queue.mjs";

const [port, concurrency] = process.argv.slice(2).map(Number);
if (!Number.isInteger(port) || !Number.isInteger(concurrency)) throw new Error("usage: next-worker.mjs PORT CONCURRENCY");
process.env.NODE_ENV ||= "production";
// The name `next start` gives its process, which ps and the tests look for.
process.title = "next-server";

// After NODE_ENV: Next reads it as it loads.
const { default: next } = await import("next");
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, "../.."), port });
const handle = app.getRequestHandler();
await app.prepare();

/** A slot is held at most this long (a slow upload or a slow reader keeps running, unqueued). */
const LEASE_MS = 1000;
const server = http.createServer(
  queueRequests(handle, {
    concurrency,
    leaseMs: LEASE_MS,
    // Load balancers must see a busy process as alive; static files cost next to nothing.
    bypass: (request) => request.url === "/api/health" || (request.url ?? "").startsWith("/_next/static/"),
  }),
);
server.listen(port, () => console.log(`Ready on port ${port} (${concurrency} requests at once).`));

// As `next start` does: stop accepting, finish the requests in flight, close Next, then exit
// with the signal's code (next-cluster.ts tells a stopped process from a crashed one by it).
let stopping = false;
for (const [signal, code] of /** @type {const} */ ([["SIGINT", 130], ["SIGTERM", 143]])) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void app.close().finally(() => process.exit(code)));
    server.closeIdleConnections();
    // A client that keeps its connection busy does not hold the process up for ever.
    setTimeout(() => server.closeAllConnections(), 10_000).unref();
  });
}
