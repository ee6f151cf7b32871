import cluster, { type Worker } from "node:cluster";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { balanceConnections, leastConnected, type ConnectionBalancer } from "./connection-balancer";
import { MESSAGE } from "./connection-intake.mjs";

const fixture = path.resolve(import.meta.dirname, "test-fixtures/pid-worker.mjs");

describe("which process gets the next connection", () => {
  it("is the one holding the fewest, the earliest on a tie, none when none is ready", () => {
    expect(leastConnected(new Map([["a", 3], ["b", 1], ["c", 2]]))).toBe("b");
    expect(leastConnected(new Map([["a", 1], ["b", 1]]))).toBe("a");
    expect(leastConnected(new Map())).toBeUndefined();
  });
});

let balancer: ConnectionBalancer | undefined;
const workers: Worker[] = [];
const agents: http.Agent[] = [];

afterEach(async () => {
  for (const agent of agents.splice(0)) agent.destroy();
  balancer?.close();
  await Promise.all(
    workers.splice(0).map((worker) => {
      if (worker.isDead()) return undefined;
      const exited = new Promise((resolve) => worker.once("exit", resolve));
      worker.process.kill("SIGKILL");
      return exited;
    }),
  );
});

/** Waits for the worker's next `count` messages of this type; resolves with the last. */
function message<T extends { type?: string }>(worker: Worker, type: string, count = 1): Promise<T> {
  return new Promise((resolve) => {
    let seen = 0;
    const listener = (received: T) => {
      if (received?.type !== type || ++seen < count) return;
      worker.off("message", listener);
      resolve(received);
    };
    worker.on("message", listener);
  });
}

/** A balancer on a free port with `count` fixture processes; `ready` resolves once all say so. */
async function start(count: number, env: Record<string, string> = {}) {
  balancer = balanceConnections(0);
  const port = await balancer.listening;
  cluster.setupPrimary({ exec: fixture, execArgv: [] });
  const started = Array.from({ length: count }, () => {
    const worker = cluster.fork(env);
    balancer!.add(worker);
    workers.push(worker);
    return worker;
  });
  const ready = Promise.all(started.map((worker) => message(worker, MESSAGE.ready)));
  return { port, workers: started, ready };
}

/** A keep-alive connection of its own; each request answers with the serving process's id. */
function connection(port: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  const get = (requestPath = "/") =>
    new Promise<number>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: requestPath, agent }, (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve(Number(body)));
        })
        .on("error", reject);
    });
  return { get, close: () => agent.destroy() };
}

const countBy = (pids: number[]) => pids.reduce((counts, pid) => counts.set(pid, (counts.get(pid) ?? 0) + 1), new Map<number, number>());

describe("the connection balancer of npm start", () => {
  it("hands each new connection to the process holding the fewest open, and keeps a connection on its process", async () => {
    const { port, workers: [first, second], ready } = await start(2);
    await ready;
    const connections = Array.from({ length: 4 }, () => connection(port));
    const pids = await Promise.all(connections.map((c) => c.get()));
    expect([...countBy(pids).values()]).toEqual([2, 2]);

    // The first process's two connections close: it now holds none, the second two.
    const firstPid = first!.process.pid!;
    const closed = message(first!, MESSAGE.closed, 2);
    connections.filter((_, i) => pids[i] === firstPid).forEach((c) => c.close());
    await closed;

    // In turn, the next two would go one to each; by the count, both go to the first.
    const next = await Promise.all([connection(port).get(), connection(port).get()]);
    expect(next).toEqual([firstPid, firstPid]);
    // A kept-alive connection stays with the process that has it.
    const kept = connections.filter((_, i) => pids[i] === second!.process.pid);
    expect(await Promise.all(kept.map((c) => c.get()))).toEqual([second!.process.pid, second!.process.pid]);
  });

  it("holds a connection that arrives before any process is ready, then serves it", async () => {
    const { port, workers: [only], ready } = await start(1, { READY_AFTER_MS: "500" });
    let isReady = false;
    void ready.then(() => (isReady = true));
    const answer = connection(port).get();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isReady).toBe(false);
    expect(await answer).toBe(only!.process.pid);
  });

  it("lets a stopping process finish the request in flight, then exit", async () => {
    const { port, workers: [only], ready } = await start(1);
    await ready;
    const started = message(only!, "test:slow-started");
    const answer = connection(port).get("/slow");
    await started;
    const exited = new Promise<number | null>((resolve) => only!.once("exit", (code) => resolve(code)));
    only!.process.kill("SIGTERM");
    expect(await answer).toBe(only!.process.pid);
    expect(await exited).toBe(143);
  });

  it("sends a response written in parts at once (no Nagle delay on handed connections)", async () => {
    const { port, workers: [only], ready } = await start(1);
    await ready;
    const c = connection(port);
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      const started = performance.now();
      expect(await c.get("/in-parts")).toBe(only!.process.pid);
      times.push(performance.now() - started);
    }
    // With Nagle's algorithm on, the second part waits for the client's delayed acknowledgement:
    // 40 ms or more on Linux, on every request. Without it, about a millisecond on loopback.
    expect(times.sort((a, b) => a - b)[4]).toBeLessThan(20);
  });

  it("closes a connection made to a process's own port: only handed connections are served", async () => {
    const { port, workers: [only] } = await start(1);
    const { port: privatePort } = await message<{ type: string; port: number }>(only!, "test:private-port");
    await expect(connection(privatePort).get()).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(await connection(port).get()).toBe(only!.process.pid);
  });

  it("reports a port that is taken", async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as net.AddressInfo).port;
      balancer = balanceConnections(port);
      await expect(balancer.listening).rejects.toThrow(/EADDRINUSE/);
    } finally {
      taken.close();
    }
  });
});
