// The primary's side of `npm start`: it accepts the connections and hands each to the server
// process holding the fewest open ones (the socket itself passes over IPC, so the process reads
// the client's own address). Node's cluster hands connections out in turn, skipping a process
// that has not yet taken the last one; a process busy rendering is skipped, so a burst of
// keep-alive connections lands unevenly, and stays so: on the load benchmark one process held
// the connections of a whole endpoint and answered twice as slowly as the other
// (bench/README.md). The server processes' side is connection-intake.mjs.
import net from "node:net";
import type { Worker } from "node:cluster";
import { MESSAGE, isIntakeMessage } from "./connection-intake.mjs";

export type ConnectionBalancer = {
  /** Resolves with the port once listening (port 0: one the system chose); rejects if it cannot be had. */
  listening: Promise<number>;
  /** Follows the worker: it gets connections once it says it is ready, none after it exits. */
  add(worker: Worker): void;
  /** Stops accepting; connections already handed out stay with their process. */
  close(): void;
};

/** The worker that gets the next connection: the fewest open, the earliest added on a tie. */
export function leastConnected<T>(open: ReadonlyMap<T, number>): T | undefined {
  let best: T | undefined;
  let fewest = Infinity;
  for (const [worker, count] of open) {
    if (count < fewest) {
      best = worker;
      fewest = count;
    }
  }
  return best;
}

export function balanceConnections(port: number): ConnectionBalancer {
  /** Ready workers and the connections each holds open. */
  const open = new Map<Worker, number>();
  /** Connections that arrived while no process was ready (at start, or all restarting). */
  const waiting: net.Socket[] = [];

  const handOut = (socket: net.Socket) => {
    const worker = leastConnected(open);
    if (!worker) return void waiting.push(socket);
    open.set(worker, open.get(worker)! + 1);
    // keepOpen false: once sent, the primary's copy is closed; the process owns the connection.
    worker.send({ type: MESSAGE.connection }, socket, { keepOpen: false }, (error) => {
      if (error) socket.destroy(); // the process is exiting; the client connects again
    });
  };

  // pauseOnConnect: the primary never reads a byte; the request is the process's to read.
  const server = net.createServer({ pauseOnConnect: true }, handOut);
  const listening = new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => {
      server.off("error", reject);
      // Later errors are the accept's (out of file descriptors): the primary must not die of them.
      server.on("error", (error) => console.error(error));
      resolve((server.address() as net.AddressInfo).port);
    });
  });

  return {
    listening,
    add(worker) {
      worker.on("message", (message: unknown) => {
        if (!isIntakeMessage(message)) return;
        if (message.type === MESSAGE.ready) {
          open.set(worker, 0);
          for (const socket of waiting.splice(0)) handOut(socket);
        } else if (message.type === MESSAGE.closed && open.has(worker)) {
          open.set(worker, Math.max(0, open.get(worker)! - 1));
        }
      });
      worker.once("exit", () => open.delete(worker));
    },
    close() {
      server.close();
      for (const socket of waiting.splice(0)) socket.destroy();
    },
  };
}
