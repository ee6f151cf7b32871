import "server-only";
// Reading the audit log: admins browse and filter it, and export it as CSV. Rows are only ever
// appended (lib/data/audit.ts; PostgreSQL refuses UPDATE, DELETE and TRUNCATE).
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canReadAuditLog } from "@/lib/auth/permissions";
import { csvRecords } from "@/lib/export/csv";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { AuditLogFilter } from "@/lib/validation/audit-log";
import { appendAudit } from "./audit";
import { auditJson } from "./audit-json";

export type AuditLogEntry = {
  /** A big integer, as a string. */
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1_000;
const DAY_MS = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function requireAuditReader(actor: Actor) {
  if (!canReadAuditLog(actor)) throw new ForbiddenError("only admins read the audit log");
}

function whereOf(filter: AuditLogFilter, before: bigint | null): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.actor) {
    and.push(
      UUID.test(filter.actor)
        ? { actorId: filter.actor.toLowerCase() }
        : { actorEmail: { contains: filter.actor, mode: "insensitive" } },
    );
  }
  // "commitment." finds every commitment action; "commitment.created" that one.
  if (filter.action) and.push({ action: { startsWith: filter.action } });
  if (filter.targetType) and.push({ targetType: filter.targetType });
  if (filter.targetId) and.push({ targetId: filter.targetId });
  if (filter.from) and.push({ at: { gte: filter.from } });
  if (filter.to) and.push({ at: { lt: new Date(filter.to.getTime() + DAY_MS) } });
  if (before !== null) and.push({ id: { lt: before } });
  return and.length > 0 ? { AND: and } : {};
}

const entrySelect = {
  id: true,
  at: true,
  actorId: true,
  actorEmail: true,
  action: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  ip: true,
} as const;

type Row = Prisma.AuditLogGetPayload<{ select: typeof entrySelect }>;
const toEntry = (row: Row): AuditLogEntry => ({ ...row, id: row.id.toString() });

/** One page of the log, newest first; `nextBefore` continues it (keyset pagination on the id). */
export async function listAuditLog(
  actor: Actor,
  filter: AuditLogFilter,
  limit = AUDIT_PAGE_SIZE,
): Promise<{ entries: AuditLogEntry[]; nextBefore: string | null }> {
  requireAuditReader(actor);
  const rows = await db.auditLog.findMany({
    where: whereOf(filter, filter.before),
    orderBy: { id: "desc" },
    take: limit + 1,
    select: entrySelect,
  });
  const page = rows.slice(0, limit);
  return { entries: page.map(toEntry), nextBefore: rows.length > limit ? page.at(-1)!.id.toString() : null };
}

export const AUDIT_CSV_HEADER = ["id", "at", "actor_id", "actor_email", "action", "target_type", "target_id", "before", "after", "ip"];

/**
 * The filtered log as CSV, newest first, read in batches so that an export of any size streams.
 * The export itself is recorded in the log (it discloses the whole history of the app).
 */
export async function exportAuditLogCsv(actor: Actor, filter: AuditLogFilter, ip: string | null): Promise<ReadableStream<Uint8Array>> {
  requireAuditReader(actor);
  await db.$transaction(async (tx) => {
    const { before: _before, ...filters } = filter;
    await appendAudit(tx, { actor, action: "audit.exported", targetType: "audit_log", after: auditJson(filters), ip });
  });
  const encoder = new TextEncoder();
  // The export covers the log as it was when asked for, not the rows appended while it streams.
  const newest = await db.auditLog.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  let cursor: bigint | null = newest ? newest.id + 1n : null;
  if (filter.before !== null && (cursor === null || filter.before < cursor)) cursor = filter.before;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`\uFEFF${csvRecords([AUDIT_CSV_HEADER])}`));
        return;
      }
      const rows: Row[] =
        cursor === null ? [] : await db.auditLog.findMany({ where: whereOf(filter, cursor), orderBy: { id: "desc" }, take: EXPORT_BATCH, select: entrySelect });
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = rows.at(-1)!.id;
      const text = csvRecords(
        rows.map((row) => [
          row.id,
          row.at,
          row.actorId,
          row.actorEmail,
          row.action,
          row.targetType,
          row.targetId,
          row.before === null ? null : JSON.stringify(row.before),
          row.after === null ? null : JSON.stringify(row.after),
          row.ip,
        ]),
      );
      controller.enqueue(encoder.encode(text));
      if (rows.length < EXPORT_BATCH) controller.close();
    },
  });
}
