import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { logger } from "@/lib/logger";
import { recordOnce } from "./record-once";

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

/** A refusal of the same write to the same user is recorded at most once in this many minutes. */
export const REFUSED_WRITE_RECORD_MINUTES = 1;

/**
 * Records a write refused for lack of permission (`access.refused`): a delegate writing for
 * another member state, or anyone reaching a tool of another role, can only get there with a
 * crafted request, and the secretariat should see who tried. Once a minute per user and target:
 * a script repeating the request must not fill the audit log (nor, with every row, make every
 * kept reading stale). Written on its own — the refused transaction has rolled back — and never
 * failing the response it explains.
 */
export async function recordRefusedWrite(refusal: RefusedWrite): Promise<void> {
  const { actor, targetType, target } = refusal;
  try {
    await recordOnce({
      scope: "access.refused",
      key: `${actor.id} ${target}`,
      recordedLately: async (tx) =>
        (
          await tx.$queryRaw<[{ lately: boolean }]>`
            SELECT EXISTS (
              SELECT 1 FROM audit_log
              WHERE actor_id = ${actor.id}::uuid AND action = 'access.refused' AND target_type = ${targetType} AND target_id = ${target}
                AND at > now() - make_interval(mins => ${REFUSED_WRITE_RECORD_MINUTES})
            ) AS lately`
        )[0].lately,
      record: (tx) =>
        appendAudit(tx, { actor, action: "access.refused", targetType, targetId: target, after: { reason: refusal.reason }, ip: refusal.ip }),
    });
  } catch (error) {
    logger.error("refused write not audited", { error: error instanceof Error ? error.message : String(error), target: refusal.target });
  }
}
