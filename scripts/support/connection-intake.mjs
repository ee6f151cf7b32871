// @ts-check
// A server process's side of connection-balancer.ts: the primary accepts the connections and
// sends each one over IPC to the process holding the fewest; the process serves it with its
// HTTP server and reports when it is ready and when each connection closes, which is what the
// primary counts. Plain JavaScript: the worker runs on Node directly, without a loader.

/** The messages between the primary and a process: a connection (with its socket), ready, closed. */
export const MESSAGE = /** @type {const} */ ({
  connection: "tanfeeth:connection",
  ready: "tanfeeth:ready",
  closed: "tanfeeth:closed",
});

/** @typedef {{ type: typeof MESSAGE.ready | typeof MESSAGE.closed }} IntakeMessage */

/**
 * @param {unknown} message
 * @returns {string | undefined}
 */
const typeOf = (message) =>
  typeof message === "object" && message !== null && "type" in message && typeof message.type === "string" ? message.type : undefined;

/**
 * @param {unknown} message
 * @returns {message is IntakeMessage}
 */
export function isIntakeMessage(message) {
  const type = typeOf(message);
  return type === MESSAGE.ready || type === MESSAGE.closed;
}

/** @param {IntakeMessage} message */
function tellPrimary(message) {
  // No channel once the primary has gone (it stops this process then anyway).
  if (process.connected) process.send?.(message);
}

/**
 * Serves the connections the primary sends with `server`, and says it is ready once listening.
 * The server also listens on a loopback port of its own, closing whatever connects there: Node's
 * HTTP server enforces its header and request timeouts (slow clients) only once it listens.
 * `drain()` refuses further connections and resolves once those open have closed (idle ones
 * closed at once, busy ones after their response, all of them after `graceMs`).
 *
 * @param {import("node:http").Server} server
 * @param {{ graceMs: number }} options
 */
export function takeConnections(server, { graceMs }) {
  /** @type {Set<import("node:net").Socket>} */
  const open = new Set();
  let draining = false;

  process.on("message", (/** @type {unknown} */ message, /** @type {unknown} */ socket) => {
    if (typeOf(message) !== MESSAGE.connection || !socket) return;
    const connection = /** @type {import("node:net").Socket} */ (socket);
    if (draining) return void connection.destroy();
    open.add(connection);
    connection.once("close", () => {
      open.delete(connection);
      tellPrimary({ type: MESSAGE.closed });
    });
    // As Node's HTTP server sets on the connections it accepts itself: without it, a response
    // written in parts waits on the client's delayed acknowledgement (40 ms on Linux).
    connection.setNoDelay(true);
    server.emit("connection", connection);
    connection.resume();
  });
  // The private port serves no one: a connection made to it, not handed over, is closed at once.
  server.on("connection", (/** @type {import("node:net").Socket} */ socket) => {
    if (!open.has(socket)) socket.destroy();
  });
  server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, () => tellPrimary({ type: MESSAGE.ready }));

  return {
    /** @returns {Promise<void>} */
    drain() {
      draining = true;
      server.close();
      return new Promise((resolve) => {
        const deadline = Date.now() + graceMs;
        const check = () => {
          // A connection becomes idle once its response is out: closed on the next check.
          if (Date.now() >= deadline) server.closeAllConnections();
          else server.closeIdleConnections();
          if (open.size === 0) return resolve();
          setTimeout(check, 50);
        };
        check();
      });
    },
  };
}

/**
 * As `next start` does on Ctrl-C or a stop: drain (`takeConnections`), run `beforeExit` (close
 * Next), then exit with the signal's code — next-cluster.ts tells a stopped process from a
 * crashed one by it.
 *
 * @param {{ drain(): Promise<void> }} intake
 * @param {() => Promise<unknown>} [beforeExit]
 */
export function exitOnSignals(intake, beforeExit = async () => {}) {
  let stopping = false;
  for (const [signal, code] of /** @type {const} */ ([["SIGINT", 130], ["SIGTERM", 143]])) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void intake.drain().then(beforeExit).finally(() => process.exit(code));
    });
  }
}
