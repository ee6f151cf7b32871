import "server-only";
// User accounts, administered by admins: creation, role and country, deactivation, one-time
// set-password links, and removing a lost authenticator. Any change of role, country or
// activity ends the user's sessions at once (sessionVersion).
import type { Role } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canManageUsers, requiresTwoFactor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { configuredMailer, type Mailer } from "@/lib/mail/transport";
import { twoFactorRemovedMail } from "@/lib/mail/two-factor-removed";
import { appendAudit } from "./audit";
import { PASSWORD_LINK_HOURS, confirmOwnTotpCode, hashToken, newToken } from "./accounts";

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

export type UserListFilter = {
  /** Part of the name or e-mail address. */
  q?: string | null;
  role?: Role | null;
  country?: string | null;
  state?: "active" | "inactive" | "all";
};

function userWhere(filter: UserListFilter): Prisma.UserWhereInput {
  return {
    ...(filter.q
      ? { OR: [{ email: { contains: filter.q, mode: "insensitive" } }, { name: { contains: filter.q, mode: "insensitive" } }] }
      : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.country ? { countryCode: filter.country } : {}),
    ...(filter.state === "active" ? { deactivatedAt: null } : filter.state === "inactive" ? { deactivatedAt: { not: null } } : {}),
  };
}

export async function listUsers(actor: Actor, filter: UserListFilter = {}): Promise<UserListItem[]> {
  requireUserManager(actor);
  const users = await db.user.findMany({
    where: userWhere(filter),
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

/** A delegate's country must be one of the member states (a well-formed code is not enough). */
async function requireCountry(tx: Prisma.TransactionClient, countryCode: string | null): Promise<void> {
  if (countryCode && !(await tx.country.findUnique({ where: { code: countryCode }, select: { code: true } }))) {
    throw new InvalidInputError({ countryCode: ["country.invalid"] });
  }
}

/** Ends the user's set-password links not used yet. */
async function expireUnusedLinks(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const now = new Date();
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
}

async function issueToken(
  tx: Prisma.TransactionClient,
  userId: string,
  createdById: string | null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + PASSWORD_LINK_HOURS * 3_600_000);
  // A new link replaces any earlier one that was not used.
  await expireUnusedLinks(tx, userId);
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
      await requireCountry(tx, input.countryCode);
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

/**
 * For a user who lost their authenticator and its recovery codes: removes both, ends the user's
 * sessions and cancels their unused set-password links. A role that requires two-factor sign-in
 * cannot sign in without an authenticator, so its owner gets a new set-password link, which
 * enrols another with the new password; other roles sign in with their password and may enrol
 * again under My account. It weakens an account, so the acting admin confirms with their own
 * current code, and the user is told by e-mail (when the server sends e-mail). Never one's own:
 * another admin does it.
 */
export async function resetTwoFactor(
  actor: Actor,
  input: { userId: string; code: string },
  ip: string | null,
  options: { mailer?: Mailer | null } = {},
): Promise<{ link: { token: string; expiresAt: Date } | null }> {
  requireUserManager(actor);
  const { userId } = input;
  if (userId === actor.id) throw new ConflictError("user.cannotResetOwnTwoFactor");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { role: true, email: true, name: true, deactivatedAt: true, totpSecret: true },
  });
  if (!user) throw new NotFoundError("user");
  if (user.deactivatedAt) throw new ConflictError("user.inactive");
  if (!user.totpSecret) throw new ConflictError("user.noTwoFactor");
  // Checked last: accepting the code uses it up, which a refusal for another reason must not.
  if (!(await confirmOwnTotpCode(actor, input.code))) throw new InvalidInputError({ code: ["totp.invalid"] });
  const at = new Date();
  const link = await db.$transaction(async (tx) => {
    // Conditional, so that of two admins resetting at once one is told there is nothing left to remove.
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpSecret: { not: null }, deactivatedAt: null },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError("user.noTwoFactor");
    const { count: recoveryCodes } = await tx.recoveryCode.deleteMany({ where: { userId } });
    // A link issued before would set a password on an account that no longer asks for a second
    // factor: a new one replaces it, or it ends.
    const link = requiresTwoFactor(user.role) ? await issueToken(tx, userId, actor.id) : null;
    if (!link) await expireUnusedLinks(tx, userId);
    await appendAudit(tx, {
      actor,
      action: "user.totp_reset",
      targetType: "user",
      targetId: userId,
      after: { recoveryCodesRemoved: recoveryCodes, passwordLinkIssued: link !== null },
      ip,
    });
    return link;
  });

  const mailer = options.mailer === undefined ? configuredMailer() : options.mailer;
  if (mailer) {
    try {
      await mailer.send({ to: user.email, ...twoFactorRemovedMail({ recipientName: user.name, adminName: actor.name, at, withLink: link !== null }) });
    } catch (error) {
      // The reset stands; the admin tells the user another way.
      logger.error("two-factor removal e-mail failed", { userId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { link };
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
    await requireCountry(tx, update.countryCode);
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

export type HandOver = {
  countryCode: string;
  newDelegate: { userId: string } | { email: string; name: string };
  /** Deactivate the country's other delegates (the usual handover), or keep them active. */
  deactivatePrevious: boolean;
};

/**
 * Changes a country's delegate. Reports, drafts and comments stay attributed to whoever wrote
 * them; access follows the country, so the new delegate sees the country's whole history at
 * once. The new delegate's sessions (if a role or country changed) and the outgoing delegates'
 * sessions end. A new account gets a one-time set-password link.
 */
export async function handOverCountry(
  actor: Actor,
  input: HandOver,
  ip: string | null,
): Promise<{ userId: string; link: { token: string; expiresAt: Date } | null; deactivated: string[] }> {
  requireUserManager(actor);
  try {
    return await db.$transaction(async (tx) => {
      const country = await tx.country.findUnique({ where: { code: input.countryCode }, select: { code: true } });
      if (!country) throw new NotFoundError("country");
      let userId: string;
      let link: { token: string; expiresAt: Date } | null = null;
      let before: { role: Role; countryCode: string | null; active: boolean } | null = null;
      if ("userId" in input.newDelegate) {
        const user = await tx.user.findUnique({
          where: { id: input.newDelegate.userId },
          select: { id: true, role: true, countryCode: true, deactivatedAt: true },
        });
        if (!user) throw new NotFoundError("user");
        if (user.id === actor.id) throw new ConflictError("handover.self");
        before = { role: user.role, countryCode: user.countryCode, active: user.deactivatedAt === null };
        const scopeChanged = user.role !== "DELEGATE" || user.countryCode !== input.countryCode;
        await tx.user.update({
          where: { id: user.id },
          data: {
            role: "DELEGATE",
            countryCode: input.countryCode,
            deactivatedAt: null,
            ...(scopeChanged ? { sessionVersion: { increment: 1 } } : {}),
          },
        });
        userId = user.id;
      } else {
        const created = await tx.user.create({
          data: { email: input.newDelegate.email, name: input.newDelegate.name, role: "DELEGATE", countryCode: input.countryCode },
          select: { id: true },
        });
        userId = created.id;
        link = await issueToken(tx, userId, actor.id);
      }
      const outgoing = await tx.user.findMany({
        where: { role: "DELEGATE", countryCode: input.countryCode, deactivatedAt: null, id: { not: userId } },
        select: { id: true, email: true },
      });
      const deactivated = input.deactivatePrevious ? outgoing.map((u) => u.id) : [];
      if (deactivated.length > 0) {
        await tx.user.updateMany({
          where: { id: { in: deactivated } },
          data: { deactivatedAt: new Date(), sessionVersion: { increment: 1 } },
        });
      }
      await appendAudit(tx, {
        actor,
        action: "user.handover",
        targetType: "country",
        targetId: input.countryCode,
        before: { delegates: outgoing.map((u) => u.email), newDelegateBefore: before },
        after: {
          newDelegate: userId,
          created: link !== null,
          deactivated: outgoing.filter((u) => deactivated.includes(u.id)).map((u) => u.email),
        },
        ip,
      });
      return { userId, link, deactivated };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ConflictError("email.taken");
    }
    throw error;
  }
}

export type CountryDelegates = { countryCode: string; delegates: { id: string; name: string; email: string }[] };

/** Each country's active delegates, for the handover form. */
export async function listActiveDelegates(actor: Actor): Promise<CountryDelegates[]> {
  requireUserManager(actor);
  const delegates = await db.user.findMany({
    where: { role: "DELEGATE", deactivatedAt: null },
    orderBy: [{ countryCode: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, countryCode: true },
  });
  const byCountry = new Map<string, CountryDelegates>();
  for (const { countryCode, ...delegate } of delegates) {
    if (!countryCode) continue;
    const entry = byCountry.get(countryCode) ?? { countryCode, delegates: [] };
    entry.delegates.push(delegate);
    byCountry.set(countryCode, entry);
  }
  return [...byCountry.values()];
}
