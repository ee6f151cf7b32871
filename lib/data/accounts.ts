import "server-only";
// The signed-in user's own account: sign-in checks, sessions, password and two-factor.
import { createHash, randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { SESSION_MAX_SECONDS, type ValidSession } from "@/lib/auth/session-policy";
import type { Role } from "@/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requiresTwoFactor } from "@/lib/auth/permissions";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  totpUri,
  verifyTotp,
} from "@/lib/auth/totp";
import { openTotpSecret, sealTotpSecret, TotpSecretUnreadableError, type TotpKeys } from "@/lib/auth/totp-secret-box";
import { db } from "@/lib/db";
import { totpKeys } from "@/lib/env";
import { ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { appendAudit } from "./audit";

const actorSelect = { id: true, email: true, name: true, role: true, countryCode: true } as const;

type SessionRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  country_code: string | null;
  session_version: number;
  deactivated: boolean;
  ended: boolean;
};

/**
 * The actor behind a session, or null when it was signed out, all the user's sessions were
 * revoked (sessionVersion bumped), or the user was deactivated. Every request asks: one
 * statement, written in SQL since it is the most frequent of all.
 */
export async function getActorForSession(session: ValidSession): Promise<Actor | null> {
  const [user] = await db.$queryRaw<SessionRow[]>`
    SELECT u.id::text, u.email, u.name, u.role::text AS role, u.country_code, u.session_version,
           u.deactivated_at IS NOT NULL AS deactivated,
           EXISTS (SELECT 1 FROM ended_session e WHERE e.id = ${session.sessionId}::uuid) AS ended
    FROM app_user u WHERE u.id = ${session.userId}::uuid`;
  if (!user || user.deactivated || user.ended || user.session_version !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, countryCode: user.country_code };
}

export type SignInCandidate = Actor & {
  passwordHash: string | null;
  sessionVersion: number;
  deactivatedAt: Date | null;
  totpSecret: string | null;
  totpLastStep: number | null;
};

/** The account signing in with `email`; its TOTP secret still sealed (`openSignInSecret`). */
export async function findSignInCandidate(email: string): Promise<SignInCandidate | null> {
  return db.user.findUnique({
    where: { email },
    select: {
      ...actorSelect,
      passwordHash: true,
      sessionVersion: true,
      deactivatedAt: true,
      totpSecret: true,
      totpLastStep: true,
    },
  });
}

// Every TOTP secret is stored sealed (lib/auth/totp-secret-box.ts) and opened only here.
const seal = (userId: string, secret: string) => sealTotpSecret(userId, secret, totpKeys);
const open = (userId: string, stored: string) => openTotpSecret(userId, stored, totpKeys).secret;

type SecretField = "totpSecret" | "totpPendingSecret";

/**
 * Opens a stored secret; null, logged for the operator, when no key opens it (a wrong key, an
 * altered row, a value copied from another account). One kept in clear (from before encryption)
 * or sealed with the previous key is sealed again with the current key — only if it is still
 * the stored value, so that a concurrent enrolment or removal is never overwritten.
 */
async function openAndRefresh(
  userId: string,
  field: SecretField,
  stored: string,
  keys: TotpKeys = totpKeys,
): Promise<{ secret: string; resealed: boolean } | null> {
  let opened;
  try {
    opened = openTotpSecret(userId, stored, keys);
  } catch (error) {
    if (!(error instanceof TotpSecretUnreadableError)) throw error;
    logger.error("TOTP secret unreadable", { userId, field, error: error.message });
    return null;
  }
  if (!opened.stale) return { secret: opened.secret, resealed: false };
  const { count } = await db.user.updateMany({
    where: { id: userId, [field]: stored },
    data: { [field]: sealTotpSecret(userId, opened.secret, keys) },
  });
  return { secret: opened.secret, resealed: count === 1 };
}

/** A sign-in candidate's enrolled secret, in clear; null (an ordinary failure for the caller) when no key opens it. */
export async function openSignInSecret(userId: string, stored: string): Promise<string | null> {
  return (await openAndRefresh(userId, "totpSecret", stored))?.secret ?? null;
}

export type ResealOutcome = {
  /** Secrets sealed again with the current key. */
  sealed: number;
  /** Accounts with a secret no configured key opens (the previous key must stay until none is left). */
  unreadable: string[];
};

/**
 * Seals again, with the current key, every stored TOTP secret (enrolled or pending) kept in clear
 * or under the previous key: run after making the new key current, before dropping the previous
 * one. An unreadable secret is reported and skipped, so that one bad row does not hold up the rest.
 */
export async function sealStoredTotpSecrets(keys: TotpKeys = totpKeys): Promise<ResealOutcome> {
  const users = await db.user.findMany({
    where: { OR: [{ totpSecret: { not: null } }, { totpPendingSecret: { not: null } }] },
    select: { id: true, totpSecret: true, totpPendingSecret: true },
  });
  const outcome: ResealOutcome = { sealed: 0, unreadable: [] };
  for (const user of users) {
    for (const field of ["totpSecret", "totpPendingSecret"] as const) {
      const stored = user[field];
      if (!stored) continue;
      const opened = await openAndRefresh(user.id, field, stored, keys);
      if (!opened) outcome.unreadable.push(user.id);
      else if (opened.resealed) outcome.sealed += 1;
    }
  }
  return outcome;
}

/** Accepts a TOTP time step only if it is newer than the last one accepted (atomic, so no replay). */
async function acceptTotpStep(userId: string, step: number): Promise<boolean> {
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** A code from the authenticator app: valid for the stored secret, and newer than the last one used. */
export async function acceptTotpCode(userId: string, storedSecret: string, lastStep: number | null, code: string): Promise<boolean> {
  const secret = await openSignInSecret(userId, storedSecret);
  const step = secret === null ? null : verifyTotp(secret, code, lastStep);
  return step !== null && (await acceptTotpStep(userId, step));
}

/** The signed-in user's own authenticator code, asked again before an action that weakens another account. */
export async function confirmOwnTotpCode(actor: Actor, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpSecret: true, totpLastStep: true } });
  return user?.totpSecret ? acceptTotpCode(actor.id, user.totpSecret, user.totpLastStep, code) : false;
}

export async function consumeRecoveryCode(userId: string, code: string): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: new Date() },
  });
  return count === 1;
}

export async function recordSuccessfulSignIn(user: Pick<Actor, "id" | "email">, ip: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await appendAudit(tx, { actor: user, action: "auth.sign_in", targetType: "user", targetId: user.id, ip });
  });
}

export async function recordRefusedSignIn(email: string, reason: string, ip: string, tx: Parameters<typeof appendAudit>[0] = db): Promise<void> {
  await appendAudit(tx, {
    actor: null,
    action: "auth.sign_in_refused",
    targetType: "user",
    targetId: email,
    after: { reason },
    ip,
  });
}

/**
 * Signing out ends this session on the server too: a copy of its cookie is refused from now on.
 * Sessions that expired anyway are forgotten on the way.
 */
export async function recordSignOut(session: ValidSession): Promise<void> {
  const expiresAt = new Date((session.authTime + SESSION_MAX_SECONDS) * 1000);
  await db.$transaction(async (tx) => {
    await tx.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    await tx.endedSession.upsert({ where: { id: session.sessionId }, create: { id: session.sessionId, expiresAt }, update: {} });
    await appendAudit(tx, { actor: { id: session.userId }, action: "auth.sign_out", targetType: "user", targetId: session.userId });
  });
}

/** Ends every session of the actor at once: the next request with an old cookie is refused. */
export async function signOutEverywhere(actor: Actor, ip: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    await appendAudit(tx, { actor, action: "auth.sign_out_everywhere", targetType: "user", targetId: actor.id, ip });
  });
}

export async function changeOwnPassword(
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  ip: string | null,
): Promise<void> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new InvalidInputError({ currentPassword: ["password.wrongCurrent"] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { passwordHash, passwordChangedAt: new Date(), sessionVersion: { increment: 1 } },
    });
    await appendAudit(tx, { actor, action: "user.password_changed", targetType: "user", targetId: actor.id, ip });
  });
}

export type TotpEnrollment = { secret: string; uri: string };

/** Starts enrolling a new authenticator: the secret is kept pending until a code confirms it. */
export async function startTotpEnrollment(actor: Actor): Promise<TotpEnrollment> {
  const secret = generateTotpSecret();
  await db.user.update({ where: { id: actor.id }, data: { totpPendingSecret: seal(actor.id, secret) } });
  return { secret, uri: totpUri(secret, actor.email) };
}

/** Confirms the pending authenticator with a code from it; returns the new recovery codes, shown once. */
export async function confirmTotpEnrollment(actor: Actor, code: string, ip: string | null): Promise<string[]> {
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { totpPendingSecret: true } });
  if (!user?.totpPendingSecret) throw new NotFoundError("pending authenticator");
  const secret = open(actor.id, user.totpPendingSecret);
  const step = verifyTotp(secret, code, null);
  if (step === null) throw new InvalidInputError({ code: ["totp.invalid"] });
  const codes = generateRecoveryCodes();
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: {
        totpSecret: seal(actor.id, secret),
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
      },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId: actor.id, codeHash: hashRecoveryCode(c) })),
    });
    await appendAudit(tx, { actor, action: "user.totp_enabled", targetType: "user", targetId: actor.id, ip });
  });
  return codes;
}

/** Turns two-factor sign-in off — only for roles that do not require it, and with a valid code. */
export async function disableTotp(actor: Actor, code: string, ip: string | null): Promise<void> {
  if (requiresTwoFactor(actor.role)) throw new ForbiddenError("two-factor sign-in is required for this role");
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { totpSecret: true, totpLastStep: true },
  });
  if (!user?.totpSecret) throw new NotFoundError("authenticator");
  if (verifyTotp(open(actor.id, user.totpSecret), code, user.totpLastStep) === null) {
    throw new InvalidInputError({ code: ["totp.invalid"] });
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: actor.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId: actor.id } });
    await appendAudit(tx, { actor, action: "user.totp_disabled", targetType: "user", targetId: actor.id, ip });
  });
}

export type AccountSummary = Actor & {
  countryNameAr: string | null;
  countryNameEn: string | null;
  totpEnabled: boolean;
  unusedRecoveryCodes: number;
  lastSignInAt: Date | null;
};

export async function getAccountSummary(actor: Actor): Promise<AccountSummary> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      ...actorSelect,
      totpEnabledAt: true,
      lastSignInAt: true,
      country: { select: { nameAr: true, nameEn: true } },
      _count: { select: { recoveryCodes: { where: { usedAt: null } } } },
    },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    countryCode: user.countryCode,
    countryNameAr: user.country?.nameAr ?? null,
    countryNameEn: user.country?.nameEn ?? null,
    totpEnabled: user.totpEnabledAt !== null,
    unusedRecoveryCodes: user._count.recoveryCodes,
    lastSignInAt: user.lastSignInAt,
  };
}

// ── One-time set-password links ────────────────────────────────────────────────────────

export const PASSWORD_LINK_HOURS = 72;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export type PasswordLinkTarget = {
  email: string;
  name: string;
  needsTotp: boolean;
  totp: TotpEnrollment | null;
};

/**
 * What the set-password page shows for a token: the account, and — for a role that requires
 * two-factor sign-in and has no authenticator yet — a pending authenticator to enrol with.
 */
export async function openPasswordLink(token: string): Promise<PasswordLinkTarget | null> {
  const link = await db.passwordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, deactivatedAt: true, totpSecret: true, totpPendingSecret: true } },
    },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date() || link.user.deactivatedAt) return null;
  const needsTotp = requiresTwoFactor(link.user.role) && !link.user.totpSecret;
  let totp: TotpEnrollment | null = null;
  if (needsTotp) {
    const pending = link.user.totpPendingSecret;
    const secret = pending ? open(link.user.id, pending) : generateTotpSecret();
    if (!pending) {
      await db.user.update({ where: { id: link.user.id }, data: { totpPendingSecret: seal(link.user.id, secret) } });
    }
    totp = { secret, uri: totpUri(secret, link.user.email) };
  }
  return { email: link.user.email, name: link.user.name, needsTotp, totp };
}

/** Sets the password through a one-time link; returns recovery codes when an authenticator was enrolled. */
export async function setPasswordWithLink(
  input: { token: string; password: string; totpCode?: string },
  ip: string | null,
): Promise<{ email: string; recoveryCodes: string[] | null }> {
  const tokenHash = hashToken(input.token);
  const link = await db.passwordToken.findUnique({
    where: { tokenHash },
    select: {
      id: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, role: true, deactivatedAt: true, totpSecret: true, totpPendingSecret: true } },
    },
  });
  if (!link || link.usedAt || link.expiresAt <= new Date() || link.user.deactivatedAt) {
    throw new NotFoundError("password link");
  }
  const user = link.user;
  let totpStep: number | null = null;
  let sealedSecret: string | null = null;
  const enrolling = requiresTwoFactor(user.role) && !user.totpSecret;
  if (enrolling) {
    if (!user.totpPendingSecret) throw new NotFoundError("pending authenticator");
    const secret = open(user.id, user.totpPendingSecret);
    totpStep = verifyTotp(secret, input.totpCode ?? "", null);
    if (totpStep === null) throw new InvalidInputError({ totpCode: ["totp.invalid"] });
    sealedSecret = seal(user.id, secret);
  }
  const passwordHash = await hashPassword(input.password);
  const recoveryCodes = enrolling ? generateRecoveryCodes() : null;
  await db.$transaction(async (tx) => {
    // Single use, even under concurrent submissions.
    const { count } = await tx.passwordToken.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: new Date() } });
    if (count !== 1) throw new NotFoundError("password link");
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        passwordChangedAt: new Date(),
        sessionVersion: { increment: 1 },
        ...(enrolling
          ? { totpSecret: sealedSecret, totpPendingSecret: null, totpEnabledAt: new Date(), totpLastStep: totpStep }
          : {}),
      },
    });
    if (recoveryCodes) {
      await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
      await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    }
    await appendAudit(tx, {
      actor: { id: user.id, email: user.email },
      action: "user.password_set_by_link",
      targetType: "user",
      targetId: user.id,
      ip,
    });
  });
  return { email: user.email, recoveryCodes };
}
