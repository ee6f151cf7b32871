import type { Prisma } from "@/generated/prisma/client";

/**
 * A record as the audit log's before/after JSON: dates as ISO strings (calendar dates as
 * YYYY-MM-DD), big integers as strings, undefined left out.
 */
export function auditJson(value: unknown): Prisma.InputJsonValue {
  return convert(value) as Prisma.InputJsonValue;
}

function convert(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(convert);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, convert(v)]),
    );
  }
  return value;
}
