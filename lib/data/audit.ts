import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";

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

/** A write refused for lack of permission: the server action's name, or the API's method and path. */
export type RefusedWrite = { actor: Actor; targetType: "action" | "api"; target: string; ip: string | null; reason: string };

/**
 * Records a write refused for lack of permission (`access.refused`): a delegate writing for
 * another member state, or anyone reaching a tool of another role, can only get there with a
 * crafted request, and the secretariat should see who tried. Written on its own — the refused
 * transaction has rolled back — and never failing the response it explains.
 */
export async function recordRefusedWrite(refusal: RefusedWrite): Promise<void> {
  try {
    await appendAudit(db, {
      actor: refusal.actor,
      action: "access.refused",
      targetType: refusal.targetType,
      targetId: refusal.target,
      after: { reason: refusal.reason },
      ip: refusal.ip,
    });
  } catch (error) {
    logger.error("refused write not audited", { error: error instanceof Error ? error.message : String(error), target: refusal.target });
  }
}
