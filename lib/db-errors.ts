import { Prisma } from "@/generated/prisma/client";

// Prisma's codes for "the database cannot be reached or is going away".
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// The driver adapter's kinds for the same.
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: connection exceptions (08…), shutting down or starting up (57P01–57P03), too many connections.
const UNAVAILABLE_SQLSTATE = /^(08\w{3}|57P0[1-3]|53300)$/;
const UNAVAILABLE_MESSAGE =
  /DatabaseNotReachable|ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection timeout|timeout exceeded when trying to connect|the database system is (shutting down|starting up|in recovery mode)|terminating connection due to administrator command/i;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    chain.push(current);
    const meta = (current as { meta?: { driverAdapterError?: unknown } }).meta;
    current = meta?.driverAdapterError ?? (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** Whether an error means PostgreSQL is unreachable (a 503), not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  return causes(error).some((link) => {
    if (link instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_CODES.has(link.code)) return true;
    const { kind, code, originalCode } = (link ?? {}) as { kind?: string; code?: string; originalCode?: string };
    if (kind && UNAVAILABLE_KINDS.has(kind)) return true;
    if ([code, originalCode].some((c) => typeof c === "string" && UNAVAILABLE_SQLSTATE.test(c))) return true;
    return link instanceof Error && UNAVAILABLE_MESSAGE.test(`${link.name} ${link.message}`);
  });
}
