// @ts-check
// One server process of `npm start` (scripts/support/next-cluster.ts forks one per core):
// Next.js's own request handler, as `next start` runs it, behind the admission queue of
// request-queue.mjs, serving the connections the primary hands it (connection-intake.mjs).
// Arguments: the port (for Next's own URLs) and the number of requests rendered at once.
import http from "node:http";
import path from "node:path";
import { exitOnSignals, takeConnections } from "./connection-intake.mjs";
import { bypassesQueue, queueRequests } from "./request-queue.mjs";

const [port, concurrency] = process.argv.slice(2).map(Number);
if (!Number.isInteger(port) || !Number.isInteger(concurrency)) throw new Error("usage: next-worker.mjs PORT CONCURRENCY");
process.env.NODE_ENV ||= "production";
// The name `next start` gives its process (followed by its version), which ps and the tests look for.
process.title = "next-server";

// After NODE_ENV: Next reads it as it loads.
const { default: next } = await import("next");
const app = next({ dev: false, dir: path.resolve(import.meta.dirname, "../.."), port });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * A place is held at most this long: a page renders in tens of milliseconds, so a request
 * still running after this waits on something else (a slow reader, the database), and the
 * next one may start.
 */
const LEASE_MS = 250;
const server = http.createServer(queueRequests(handle, { concurrency, leaseMs: LEASE_MS, bypass: bypassesQueue }));
// The connections come from the primary (connection-balancer.ts), not from a port of its own.
const intake = takeConnections(server, { graceMs: 10_000 });
console.log(`Ready (${concurrency} requests at once).`);

// A client that keeps its connection busy gets 10 s once the process is told to stop.
exitOnSignals(intake, () => app.close());
