// The production server: one Next.js server per worker process (node:cluster, next-worker.mjs),
// serving the port the primary listens on. One Next.js process renders on one thread; on the
// load benchmark it was CPU-bound on one core while the other idled (bench/README.md). The app
// keeps no state in process memory, so the workers need no coordination; the primary only hands
// out connections (connection-balancer.ts), restarts a worker that dies, and stops them all on a
// signal.
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import path from "node:path";
import { balanceConnections } from "./connection-balancer";

const workerScript = path.resolve(import.meta.dirname, "next-worker.mjs");

/** A worker that dies this many times within RESTART_WINDOW_MS is not restarted again. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export type NextCluster = {
  /** Resolves with the exit code once every worker has exited (after stop(), or a crash loop). */
  exited: Promise<number>;
  /** Passes the signal on to every worker; Next finishes the requests in flight, then exits. */
  stop(signal: NodeJS.Signals): void;
};

/** WEB_CONCURRENCY (the usual name), else one worker per core. */
export function workerCount(env: Record<string, string | undefined>): number {
  return wholeNumber(env, "WEB_CONCURRENCY", availableParallelism());
}

/**
 * REQUEST_CONCURRENCY: how many requests one process renders at once, the others waiting in
 * arrival order (request-queue.mjs). Two measured best on the load benchmark's two cores.
 */
export function requestConcurrency(env: Record<string, string | undefined>): number {
  return wholeNumber(env, "REQUEST_CONCURRENCY", 2);
}

function wholeNumber(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === "") return fallback;
  const configured = Number(value);
  if (!Number.isInteger(configured) || configured < 1 || configured > 64) {
    throw new Error(`${name} must be a whole number from 1 to 64 (got "${value}").`);
  }
  return configured;
}

export function startNextCluster(options: {
  port: number;
  workers: number;
  /** Requests one process renders at once (requestConcurrency). */
  concurrency: number;
  env: NodeJS.ProcessEnv;
  execArgv?: string[];
  /** Drops the workers' standard output (Next's start-up lines); errors still show. */
  quiet?: boolean;
}): NextCluster {
  // The primary may run under tsx: its loader flags must not reach the workers.
  cluster.setupPrimary({ exec: workerScript, args: [String(options.port), String(options.concurrency)], execArgv: options.execArgv ?? [], silent: options.quiet ?? false });
  let stopping = false;
  let failed = false;
  const deaths: number[] = [];
  const live = new Set<Worker>();
  let resolveExited: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));
  const balancer = balanceConnections(options.port);

  const fork = () => {
    const worker = cluster.fork(options.env);
    balancer.add(worker);
    worker.process.stdout?.resume();
    worker.process.stderr?.pipe(process.stderr);
    live.add(worker);
  };

  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    balancer.close();
    for (const worker of live) worker.process.kill(signal);
    if (live.size === 0) resolveExited(failed ? 1 : 0);
  };

  cluster.on("exit", (worker, code, signal) => {
    live.delete(worker);
    // Ctrl-C reaches the workers (same process group) as soon as the primary: a worker exits on
    // SIGINT/SIGTERM with 130/143 (next-worker.mjs, as `next start` does). Such a worker was
    // stopped, not crashed.
    const stopped = code === 130 || code === 143 || signal === "SIGINT" || signal === "SIGTERM";
    if (!stopping && !stopped) {
      const now = Date.now();
      deaths.push(now);
      while (deaths.length > 0 && deaths[0]! < now - RESTART_WINDOW_MS) deaths.shift();
      if (deaths.length <= MAX_RESTARTS) {
        console.error(`A server process exited (${signal ?? `code ${code}`}); starting another.`);
        fork();
        return;
      }
      console.error(`Server processes keep exiting (${deaths.length} in a minute); stopping.`);
      failed = true;
      stop("SIGTERM");
    }
    if (live.size === 0) resolveExited(failed ? 1 : 0);
  });

  // A port already taken: stop, so that npm start reports it instead of serving nothing.
  balancer.listening.catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    failed = true;
    stop("SIGTERM");
  });
  for (let i = 0; i < options.workers; i++) fork();
  return { exited, stop };
}
