import "server-only";
// Every user's own notifications (reminders today; other kinds later). Only ever the actor's:
// another user's notification is "not found".
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { appendAudit } from "./audit";

export type NotificationItem = {
  id: string;
  kind: string;
  data: unknown;
  createdAt: Date;
  readAt: Date | null;
};

const PAGE_SIZE = 50;

export async function listNotifications(actor: Actor): Promise<NotificationItem[]> {
  return db.notification.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    take: PAGE_SIZE,
    select: { id: true, kind: true, data: true, createdAt: true, readAt: true },
  });
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  // Raw SQL: the header asks on every page, and Prisma compiles a model query on the request's
  // thread at some three times the CPU of a raw one.
  const [row] = await db.$queryRaw<{ unread: number }[]>`
    SELECT count(*)::int AS unread FROM notification WHERE user_id = ${actor.id}::uuid AND read_at IS NULL`;
  return row?.unread ?? 0;
}

/** Marks one of the actor's notifications read, or all of them ("all"). */
export async function markNotificationsRead(actor: Actor, notificationId: string | "all", ip: string | null): Promise<number> {
  return db.$transaction(async (tx) => {
    const where =
      notificationId === "all"
        ? { userId: actor.id, readAt: null }
        : { id: z.uuid().parse(notificationId), userId: actor.id };
    if (notificationId !== "all" && !(await tx.notification.findFirst({ where, select: { id: true } }))) {
      throw new NotFoundError("notification");
    }
    const { count } = await tx.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: new Date() } });
    if (count > 0) {
      await appendAudit(tx, {
        actor,
        action: "notification.read",
        targetType: "notification",
        targetId: notificationId === "all" ? null : notificationId,
        after: { count },
        ip,
      });
    }
    return count;
  });
}
