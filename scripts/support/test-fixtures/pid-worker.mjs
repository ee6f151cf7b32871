// @ts-check
// A server process for connection-balancer.test.ts: answers with its process id (on /slow after
// 300 ms, telling the test it has started; on /in-parts in two writes), says it is ready after
// READY_AFTER_MS, and stops on a signal as next-worker.mjs does; tells the test its private port.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { exitOnSignals, takeConnections } from "../connection-intake.mjs";

await sleep(Number(process.env.READY_AFTER_MS ?? 0));
const server = http.createServer((request, response) => {
  const answer = () => response.end(String(process.pid));
  if (request.url === "/in-parts") {
    // Two writes, the second after the first has gone out: what Nagle's algorithm holds back.
    response.write(" ");
    setImmediate(answer);
  } else if (request.url === "/slow") {
    process.send?.({ type: "test:slow-started" });
    setTimeout(answer, 300);
  } else {
    answer();
  }
});
// Tells the test the private port takeConnections listens on.
server.once("listening", () => process.send?.({ type: "test:private-port", port: /** @type {import("node:net").AddressInfo} */ (server.address()).port }));
const intake = takeConnections(server, { graceMs: 5_000 });
exitOnSignals(intake);
