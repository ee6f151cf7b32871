import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { bypassesQueue, queueRequests } from "./request-queue.mjs";

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;

const servers: http.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A real server on loopback with the queue in front of `handle`; `arrived` lists paths as they come in. */
async function serve(handle: Handler, options: { concurrency: number; leaseMs?: number; bypass?: (path: string) => boolean }) {
  const arrived: string[] = [];
  const gone: string[] = [];
  const queued = queueRequests(handle, {
    concurrency: options.concurrency,
    leaseMs: options.leaseMs ?? 60_000,
    bypass: (request) => options.bypass?.(request.url ?? "") ?? false,
    onError: () => {},
  });
  const server = http.createServer((request, response) => {
    arrived.push(request.url ?? "");
    request.socket.once("close", () => gone.push(request.url ?? ""));
    queued(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  /** Sends a GET on a connection of its own; resolves with status and body. */
  const get = (path: string, signal?: AbortSignal) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.get({ host: "127.0.0.1", port, path, agent: false, signal }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        response.on("error", reject);
      });
      request.on("error", reject);
    });
  /**
   * Sends a GET and waits until the server has it, so that arrival order is the sending order;
   * the reply comes wrapped (an async function would otherwise wait for it).
   */
  const send = async (path: string, signal?: AbortSignal) => {
    const count = arrived.length;
    const reply = get(path, signal);
    reply.catch(() => {});
    await until(() => arrived.length > count);
    return { reply };
  };
  /** Waits until the server has seen the connection of `path` close. */
  const closed = (path: string) => until(() => gone.includes(path));
  return { send, get, closed };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A handler whose requests stay open until released by path; it records starts and the most running at once. */
function gatedHandler() {
  const started: string[] = [];
  const gates = new Map<string, () => void>();
  let running = 0;
  let mostRunning = 0;
  const handle: Handler = async (request, response) => {
    const path = request.url ?? "";
    started.push(path);
    mostRunning = Math.max(mostRunning, ++running);
    await new Promise<void>((resolve) => gates.set(path, resolve));
    running--;
    response.end(`done ${path}`);
  };
  const release = async (path: string) => {
    await until(() => gates.has(path));
    gates.get(path)!();
  };
  return { handle, release, started, mostRunning: () => mostRunning };
}

describe("the request queue of a server process", () => {
  it("runs at most `concurrency` requests at once, the others in the order they arrived", async () => {
    const gated = gatedHandler();
    const { send } = await serve(gated.handle, { concurrency: 2 });
    const replies = [];
    for (const path of ["/1", "/2", "/3", "/4", "/5"]) replies.push((await send(path)).reply);
    await until(() => gated.started.length === 2);
    expect(gated.started).toEqual(["/1", "/2"]);

    for (const path of ["/2", "/1", "/3", "/4", "/5"]) await gated.release(path);
    expect((await Promise.all(replies)).map((r) => r.body)).toEqual(["done /1", "done /2", "done /3", "done /4", "done /5"]);
    expect(gated.started).toEqual(["/1", "/2", "/3", "/4", "/5"]);
    expect(gated.mostRunning()).toBe(2);
  });

  it("drops a waiting request whose client has gone, without running it", async () => {
    const gated = gatedHandler();
    const { send, closed } = await serve(gated.handle, { concurrency: 1 });
    const { reply: first } = await send("/first");
    const leaving = new AbortController();
    const { reply: left } = await send("/left", leaving.signal);
    const { reply: last } = await send("/last");
    leaving.abort();
    await expect(left).rejects.toThrow();
    await closed("/left");

    await gated.release("/first");
    await gated.release("/last");
    expect((await first).body).toBe("done /first");
    expect((await last).body).toBe("done /last");
    expect(gated.started).toEqual(["/first", "/last"]);
  });

  it("gives a place to the next request once its lease is over, even if the request still runs", async () => {
    const gated = gatedHandler();
    const { send } = await serve(gated.handle, { concurrency: 1, leaseMs: 100 });
    const { reply: slow } = await send("/slow");
    const { reply: next } = await send("/next");
    await until(() => gated.started.includes("/next"));
    await gated.release("/next");
    expect((await next).body).toBe("done /next");
    await gated.release("/slow");
    expect((await slow).body).toBe("done /slow");
  });

  it("answers bypassing requests at once, however full the queue", async () => {
    const gated = gatedHandler();
    const handle: Handler = async (request, response) => {
      if (request.url === "/health") return void response.end("ok");
      return gated.handle(request, response);
    };
    const { send, get } = await serve(handle, { concurrency: 1, bypass: (path) => path === "/health" });
    const { reply: busy } = await send("/busy");
    const { reply: waiting } = await send("/waiting");
    expect(await get("/health")).toEqual({ status: 200, body: "ok" });
    expect(gated.started).toEqual(["/busy"]);
    await gated.release("/busy");
    await gated.release("/waiting");
    await Promise.all([busy, waiting]);
  });

  it("frees the place of a request whose client leaves while it runs", async () => {
    const gated = gatedHandler();
    const { send, closed } = await serve(gated.handle, { concurrency: 1 });
    const leaving = new AbortController();
    const { reply: left } = await send("/left", leaving.signal);
    const { reply: next } = await send("/next");
    await until(() => gated.started.includes("/left"));
    leaving.abort();
    await expect(left).rejects.toThrow();
    await closed("/left");
    // /left's handler has not finished, and /next runs anyway.
    await until(() => gated.started.includes("/next"));
    await gated.release("/next");
    expect((await next).body).toBe("done /next");
    await gated.release("/left");
  });

  it("cuts the connection when the handler fails after it began the response", async () => {
    const handle: Handler = async (_request, response) => {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<html>half");
      await new Promise((resolve) => setTimeout(resolve, 10));
      throw new Error("render failed midway");
    };
    const { get } = await serve(handle, { concurrency: 1 });
    await expect(get("/page")).rejects.toThrow();
  });

  it("answers 500 when the handler throws before returning a promise", async () => {
    let calls = 0;
    const handle = ((_request: IncomingMessage, response: ServerResponse) => {
      if (++calls === 1) throw new Error("no promise");
      response.end("fine");
      return Promise.resolve();
    }) as Handler;
    const { get } = await serve(handle, { concurrency: 1 });
    expect((await get("/a")).status).toBe(500);
    expect(await get("/b")).toEqual({ status: 200, body: "fine" });
  });

  it("answers 500 when the handler fails, and frees its place", async () => {
    let calls = 0;
    const handle: Handler = async (_request, response) => {
      if (++calls === 1) throw new Error("render failed");
      response.end("fine");
    };
    const { get } = await serve(handle, { concurrency: 1 });
    expect((await get("/a")).status).toBe(500);
    expect(await get("/b")).toEqual({ status: 200, body: "fine" });
  });
});

describe("which requests skip the queue", () => {
  const request = (method: string, url: string) => ({ method, url }) as IncomingMessage;

  it("lets health checks, Next.js's static files and requests with a body through", () => {
    expect(bypassesQueue(request("GET", "/api/health"))).toBe(true);
    expect(bypassesQueue(request("GET", "/api/health?probe=1"))).toBe(true);
    expect(bypassesQueue(request("GET", "/_next/static/chunks/app.js"))).toBe(true);
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(bypassesQueue(request(method, "/api/v1/reports"))).toBe(true);
  });

  it("queues page visits and API reads, also behind dot segments that Next.js resolves", () => {
    expect(bypassesQueue(request("GET", "/en?session=40"))).toBe(false);
    expect(bypassesQueue(request("HEAD", "/ar/countries/QA"))).toBe(false);
    expect(bypassesQueue(request("GET", "/api/v1/countries/QA/reports"))).toBe(false);
    expect(bypassesQueue(request("GET", "/_next/static/../../en"))).toBe(false);
    expect(bypassesQueue(request("GET", "/_next/static/%2e%2e/%2E%2E/en"))).toBe(false);
    expect(bypassesQueue(request("GET", "/api/health/../../en"))).toBe(false);
  });
});
