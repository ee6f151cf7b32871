import { Prisma } from "@/generated/prisma/client";

// Prisma's codes for "the database cannot be reached or is going away".
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Whether an error means PostgreSQL is unreachable (a 503), not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return UNAVAILABLE_CODES.has(error.code);
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Error) {
    const text = `${error.name} ${error.message}`;
    return /DatabaseNotReachable|ECONNREFUSED|Connection terminated|timeout exceeded when trying to connect/i.test(text);
  }
  return false;
}
