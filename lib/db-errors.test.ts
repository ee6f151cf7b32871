import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { isDatabaseUnavailable } from "./db-errors";

const known = (code: string, meta?: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "6.19.3", ...(meta ? { meta } : {}) });

describe("isDatabaseUnavailable", () => {
  it("recognises an unreachable or restarting database", () => {
    expect(isDatabaseUnavailable(known("P1001"))).toBe(true);
    expect(isDatabaseUnavailable(known("P2010", { driverAdapterError: { cause: { kind: "ConnectionClosed" } } }))).toBe(true);
    expect(isDatabaseUnavailable(known("P2010", { driverAdapterError: { cause: { kind: "postgres", originalCode: "57P01" } } }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("wrapped"), { cause: new Error("connect ECONNREFUSED 127.0.0.1:5432") }))).toBe(true);
    // What the pool reports when PostgreSQL closes an idle connection on shutdown (logged as a warning, lib/db.ts).
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
  });

  it("does not excuse bugs and bad requests as outages", () => {
    expect(isDatabaseUnavailable(known("P2002"))).toBe(false);
    expect(isDatabaseUnavailable(known("P2010", { driverAdapterError: { cause: { kind: "postgres", originalCode: "23505" } } }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
