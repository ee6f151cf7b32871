// @ts-check
// Admission control for one server process. Node renders on one thread: with 25 requests in
// flight, each page's work is cut into turns behind everyone else's, and the slowest requests
// took twice as long as the median (bench/README.md). Admitting a few renders at a time and
// keeping the rest in arrival order costs the same CPU and gives everyone about the same wait.
// Plain JavaScript: the worker runs on Node directly, without a loader.
import pLimit from "p-limit";

/**
 * @typedef {import("node:http").IncomingMessage} Request
 * @typedef {import("node:http").ServerResponse} Response
 * @typedef {{
 *   concurrency: number,
 *   leaseMs: number,
 *   bypass: (request: Request) => boolean,
 *   onError?: (error: unknown) => void,
 * }} QueueOptions
 */

/**
 * The path a request is routed on: Next.js resolves dot segments (`/_next/static/../x` is `/x`),
 * so a decision taken on the raw URL could be steered around.
 *
 * @param {Request} request
 */
function routedPath(request) {
  try {
    return new URL(request.url ?? "/", "http://localhost").pathname;
  } catch {
    return "";
  }
}

/**
 * Requests that never wait: health checks (a busy process must still look alive to a load
 * balancer), Next.js's static files, and requests with a body. A body arrives at the client's
 * pace: a client sending its sign-in a byte at a time would otherwise hold a place while the
 * CPU idles. Page visits and API reads — the renders — are what the queue orders.
 *
 * @param {Request} request
 */
export function bypassesQueue(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return true;
  const path = routedPath(request);
  return path === "/api/health" || path.startsWith("/_next/static/");
}

/**
 * `handle` behind a first-come, first-served queue: at most `concurrency` requests at once, a
 * place freed when its response is finished or its client has gone. A place is a lease: after
 * `leaseMs` it goes to the next request even if this one still runs (a slow reader, a page
 * waiting on a slow database), so the queue never stalls. A request whose client left while it
 * waited is dropped without running. `bypass` requests never wait.
 *
 * @param {(request: Request, response: Response) => Promise<unknown>} handle
 * @param {QueueOptions} options
 * @returns {(request: Request, response: Response) => void}
 */
export function queueRequests(handle, { concurrency, leaseMs, bypass, onError = console.error }) {
  const limit = pLimit(concurrency);
  /** @param {Request} request @param {Response} response */
  const serve = (request, response) =>
    Promise.resolve()
      .then(() => handle(request, response))
      .catch((/** @type {unknown} */ error) => {
        onError(error);
        // Half a page must not look like a whole one: cut the connection instead.
        if (response.headersSent) return void response.destroy();
        response.statusCode = 500;
        response.end();
      });

  return (request, response) => {
    if (bypass(request)) return void serve(request, response);
    void limit(
      () =>
        new Promise((release) => {
          if (request.destroyed || request.socket.destroyed) return release(undefined);
          const lease = setTimeout(release, leaseMs);
          const done = () => {
            clearTimeout(lease);
            release(undefined);
          };
          response.once("finish", done);
          response.once("close", done);
          void serve(request, response);
        }),
    );
  };
}
