import "server-only";
// User accounts, administered by admins: creation, role and country, deactivation, and
// one-time set-password links. Any change of role, country or activity ends the user's
// sessions at once (sessionVersion).
import type { Role } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canManageUsers } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { appendAudit } from "./audit";
import { PASSWORD_LINK_HOURS, hashToken, newToken } from "./accounts";

export type UserListItem = {
  id: string;
  email: string;
  name: string;
  role: Role;
  countryCode: string | null;
  active: boolean;
  totpEnabled: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

function requireUserManager(actor: Actor) {
  if (!canManageUsers(actor)) throw new ForbiddenError("only admins manage users");
}

export async function listUsers(actor: Actor): Promise<UserListItem[]> {
  requireUserManager(actor);
  const users = await db.user.findMany({
    orderBy: [{ role: "asc" }, { countryCode: "asc" }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      countryCode: true,
      deactivatedAt: true,
      totpEnabledAt: true,
      lastSignInAt: true,
      createdAt: true,
    },
  });
  return users.map(({ deactivatedAt, totpEnabledAt, ...user }) => ({
    ...user,
    active: deactivatedAt === null,
    totpEnabled: totpEnabledAt !== null,
  }));
}

export type NewUserInput = { email: string; name: string; role: Role; countryCode: string | null };

async function issueToken(
  tx: Prisma.TransactionClient,
  userId: string,
  createdById: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + PASSWORD_LINK_HOURS * 3_600_000);
  // A new link replaces any earlier one that was not used.
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: new Date() } });
  await tx.passwordToken.create({ data: { userId, tokenHash: hashToken(token), expiresAt, createdById } });
  return { token, expiresAt };
}

/** Creates an account without a password; the returned one-time link lets its owner set one. */
export async function createUser(
  actor: Actor | null,
  input: NewUserInput,
  ip: string | null,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  // `null` only from the command line (`npm run user:create`), which has database access anyway.
  if (actor) requireUserManager(actor);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, countryCode: input.countryCode },
        select: { id: true },
      });
      const link = await issueToken(tx, user.id, actor?.id ?? null);
      await appendAudit(tx, {
        actor,
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        after: { ...input },
        ip,
      });
      return { id: user.id, ...link };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("email.taken");
    }
    throw error;
  }
}

export async function issuePasswordLink(
  actor: Actor,
  userId: string,
  ip: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  requireUserManager(actor);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new NotFoundError("user");
    const link = await issueToken(tx, userId, actor.id);
    await appendAudit(tx, { actor, action: "user.password_link_issued", targetType: "user", targetId: userId, ip });
    return link;
  });
}

export type UserUpdate = { name: string; role: Role; countryCode: string | null };

/** Changes a user's name, role or country; a new role or country ends their sessions. */
export async function updateUser(actor: Actor, userId: string, update: UserUpdate, ip: string | null): Promise<void> {
  requireUserManager(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({
      where: { id: userId },
      select: { name: true, role: true, countryCode: true },
    });
    if (!before) throw new NotFoundError("user");
    const scopeChanged = before.role !== update.role || before.countryCode !== update.countryCode;
    await tx.user.update({
      where: { id: userId },
      data: { ...update, ...(scopeChanged ? { sessionVersion: { increment: 1 } } : {}) },
    });
    await appendAudit(tx, { actor, action: "user.updated", targetType: "user", targetId: userId, before, after: update, ip });
  });
}

export async function setUserActive(actor: Actor, userId: string, active: boolean, ip: string | null): Promise<void> {
  requireUserManager(actor);
  if (userId === actor.id && !active) throw new ConflictError("user.cannotDeactivateSelf");
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { deactivatedAt: true } });
    if (!user) throw new NotFoundError("user");
    await tx.user.update({
      where: { id: userId },
      data: active
        ? { deactivatedAt: null }
        : { deactivatedAt: user.deactivatedAt ?? new Date(), sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, {
      actor,
      action: active ? "user.reactivated" : "user.deactivated",
      targetType: "user",
      targetId: userId,
      ip,
    });
  });
}
