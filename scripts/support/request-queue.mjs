// @ts-check
// Admission control for one server process. Node renders on one thread: with 25 requests in
// flight, each page's work is cut into turns behind everyone else's, and the slowest requests
// take twice as long as the median (bench/README.md). Admitting a few at a time and keeping
// the rest in arrival order costs the same CPU, gives everyone about the same wait, and keeps
// memory bounded under a flood. Plain JavaScript: the worker runs on Node directly, no loader.
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
 * `handle` behind a first-come, first-served queue: at most `concurrency` requests at once, a
 * place freed when a response is finished or its client has gone. A place is a lease: after
 * `leaseMs` it is given to the next request even if this one is still running, so a client that
 * uploads or reads slowly cannot hold the queue. A request whose client left while it waited is
 * dropped without running. `bypass` requests (health checks, static files) never wait.
 *
 * @param {(request: Request, response: Response) => Promise<unknown>} handle
 * @param {QueueOptions} options
 * @returns {(request: Request, response: Response) => void}
 */
export function queueRequests(handle, { concurrency, leaseMs, bypass, onError = console.error }) {
  const limit = pLimit(concurrency);
  /** @param {Request} request @param {Response} response */
  const serve = (request, response) =>
    handle(request, response).catch((/** @type {unknown} */ error) => {
      onError(error);
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });

  return (request, response) => {
    if (bypass(request)) return void serve(request, response);
    void limit(
      () =>
        new Promise((release) => {
          if (request.socket.destroyed) return release(undefined);
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
