import "server-only";
import type { Prisma } from "@/generated/prisma/client";

type Tx = Pick<Prisma.TransactionClient, "auditLog">;

export type AuditEntry = {
  actor: { id: string; email?: string | null } | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
};

/**
 * Appends one row to the audit log, inside the caller's transaction, so that a write and its
 * audit row land together or not at all. The table refuses UPDATE and DELETE.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      ...(entry.before == null ? {} : { before: entry.before }),
      ...(entry.after == null ? {} : { after: entry.after }),
      ip: entry.ip ?? null,
    },
  });
}
