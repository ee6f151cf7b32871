// Threat: a stolen or left-behind session cookie keeps working after the events that should
// end it (sign out everywhere, new password, deactivation, new role or country).
import { randomBytes, randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/sign-in";
import { actorFromSessionToken } from "@/lib/auth/session";
import { SESSION_MAX_SECONDS } from "@/lib/auth/session-policy";
import { generateTotpSecret, totpCode } from "@/lib/auth/totp";
import { openTotpSecret, sealTotpSecret } from "@/lib/auth/totp-secret-box";
import { db } from "@/lib/db";
import { env, totpKeys } from "@/lib/env";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { sessionToken } from "@/tests/auth";
import { TEST_PASSWORD, createUser } from "@/tests/factories";
import {
  changeOwnPassword,
  confirmTotpEnrollment,
  openPasswordLink,
  recordSignOut,
  sealStoredTotpSecrets,
  setPasswordWithLink,
  signOutEverywhere,
  startTotpEnrollment,
} from "./accounts";
import { createUser as adminCreateUser, setUserActive, updateUser } from "./users";

const ip = "192.0.2.10";

async function withSession(role: Actor["role"] = "DELEGATE") {
  const user = await createUser(role === "DELEGATE" ? { role, countryCode: "QA" } : { role });
  return { user, token: await sessionToken(user.id) };
}

describe("sessions and their revocation", () => {
  it("resolves a fresh session to the user, with role and country from the database", async () => {
    const { user, token } = await withSession();
    expect(await actorFromSessionToken(token)).toEqual({
      id: user.id,
      email: user.email,
      name: user.name,
      role: "DELEGATE",
      countryCode: "QA",
    });
  });

  it("refuses garbage, a cookie signed with another secret, an idle-expired and a 12-hour-old session", async () => {
    const { user } = await withSession();
    expect(await actorFromSessionToken("not a token")).toBeNull();
    const claims = { sub: user.id, sessionVersion: 1, authTime: Math.floor(Date.now() / 1000), sid: randomUUID() };
    // Positive control: the same claims, signed with the app's secret, are a session.
    expect(await actorFromSessionToken(await encode({ token: claims, secret: env.AUTH_SECRET }))).not.toBeNull();
    expect(await actorFromSessionToken(await encode({ token: claims, secret: "another secret of thirty-two characters!" }))).toBeNull();
    expect(await actorFromSessionToken(await encode({ token: claims, secret: env.AUTH_SECRET, maxAge: -60 }))).toBeNull();
    const old = { ...claims, authTime: Math.floor(Date.now() / 1000) - SESSION_MAX_SECONDS - 1 };
    expect(await actorFromSessionToken(await encode({ token: old, secret: env.AUTH_SECRET }))).toBeNull();
  });

  // Threat: a cookie copied before "Sign out" (a shared computer, a proxy log) used afterwards.
  it("ends this session, and no other, when the user signs out; forgets sessions past their 12 hours", async () => {
    const { user } = await withSession();
    const here = randomUUID();
    const token = await sessionToken(user.id, { sessionId: here });
    const elsewhere = await sessionToken(user.id);
    const authTime = Math.floor(Date.now() / 1000);
    const stale = randomUUID();
    await db.endedSession.create({ data: { id: stale, expiresAt: new Date(Date.now() - 1000) } });
    await recordSignOut({ userId: user.id, sessionVersion: 1, authTime, sessionId: here });
    expect(await actorFromSessionToken(token)).toBeNull();
    expect(await actorFromSessionToken(elsewhere)).not.toBeNull();
    expect(await db.endedSession.findUnique({ where: { id: here } })).toEqual({ id: here, expiresAt: new Date((authTime + SESSION_MAX_SECONDS) * 1000) });
    expect(await db.endedSession.findUnique({ where: { id: stale } })).toBeNull();
    // Signing out twice (two tabs) is no error.
    await recordSignOut({ userId: user.id, sessionVersion: 1, authTime, sessionId: here });
    expect(await db.auditLog.count({ where: { action: "auth.sign_out", targetId: user.id } })).toBe(2);
  });

  it("ends every session when the user signs out everywhere", async () => {
    const { user, token } = await withSession();
    await signOutEverywhere({ ...user, countryCode: "QA" }, ip);
    expect(await actorFromSessionToken(token)).toBeNull();
    expect(await actorFromSessionToken(await sessionToken(user.id))).not.toBeNull();
  });

  it("ends every session when the password changes — and only with the right current password", async () => {
    const { user, token } = await withSession();
    const actor = (await actorFromSessionToken(token))!;
    await expect(
      changeOwnPassword(actor, { currentPassword: "wrong", newPassword: "a brand new passphrase" }, ip),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await actorFromSessionToken(token)).not.toBeNull();
    await changeOwnPassword(actor, { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" }, ip);
    expect(await actorFromSessionToken(token)).toBeNull();
    expect(await authenticate({ email: user.email, password: "a brand new passphrase" }, ip)).toMatchObject({ ok: true });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: false });
  });

  it("ends every session on deactivation, on a new role and on a new country — not on a new name", async () => {
    const admin = await createUser({ role: "ADMIN" });
    for (const change of [
      (id: string) => setUserActive(admin, id, false, ip),
      (id: string) => updateUser(admin, id, { name: "Same", role: "OBSERVER", countryCode: null }, ip),
      (id: string) => updateUser(admin, id, { name: "Same", role: "DELEGATE", countryCode: "DZ" }, ip),
    ]) {
      const { user, token } = await withSession();
      await change(user.id);
      expect(await actorFromSessionToken(token)).toBeNull();
    }
    const { user, token } = await withSession();
    await updateUser(admin, user.id, { name: "A new name", role: "DELEGATE", countryCode: "QA" }, ip);
    expect((await actorFromSessionToken(token))?.name).toBe("A new name");
  });
});

describe("one-time set-password links", () => {
  it("let a new delegate set a password once, then sign in", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const { token } = await adminCreateUser(
      admin,
      { email: "new.delegate@test.tanfeeth.org", name: "New", role: "DELEGATE", countryCode: "JO" },
      ip,
    );
    expect(await openPasswordLink(token)).toMatchObject({ email: "new.delegate@test.tanfeeth.org", needsTotp: false });
    await setPasswordWithLink({ token, password: "my own long passphrase" }, ip);
    expect(await authenticate({ email: "new.delegate@test.tanfeeth.org", password: "my own long passphrase" }, ip)).toMatchObject({
      ok: true,
    });
    expect(await openPasswordLink(token)).toBeNull();
    await expect(setPasswordWithLink({ token, password: "someone else's try" }, ip)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("make a new secretariat officer enrol an authenticator with the password", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const { token } = await adminCreateUser(
      admin,
      { email: "new.officer@test.tanfeeth.org", name: "Officer", role: "SECRETARIAT", countryCode: null },
      ip,
    );
    const link = await openPasswordLink(token);
    expect(link?.needsTotp).toBe(true);
    await expect(setPasswordWithLink({ token, password: "officer passphrase", totpCode: "000000" }, ip)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    const result = await setPasswordWithLink({ token, password: "officer passphrase", totpCode: totpCode(link!.totp!.secret) }, ip);
    expect(result.recoveryCodes).toHaveLength(10);
    expect(
      await authenticate(
        { email: "new.officer@test.tanfeeth.org", password: "officer passphrase", totp: totpCode(link!.totp!.secret, Date.now() + 30_000) },
        ip,
      ),
    ).toMatchObject({ ok: true });
  });

  it("expire, and are replaced by a newer link", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const { id, token } = await adminCreateUser(
      admin,
      { email: "late@test.tanfeeth.org", name: "Late", role: "OBSERVER", countryCode: null },
      ip,
    );
    await db.passwordToken.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await openPasswordLink(token)).toBeNull();
    await expect(setPasswordWithLink({ token, password: "too late for this" }, ip)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("authenticator enrolment", () => {
  it("needs a valid code from the new authenticator, then requires it at sign-in", async () => {
    const { user, token } = await withSession();
    const actor = (await actorFromSessionToken(token))!;
    const { secret } = await startTotpEnrollment(actor);
    await expect(confirmTotpEnrollment(actor, "000000", ip)).rejects.toBeInstanceOf(InvalidInputError);
    const codes = await confirmTotpEnrollment(actor, totpCode(secret), ip);
    expect(codes).toHaveLength(10);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ reason: "totp_required" });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: codes[0] }, ip)).toMatchObject({ ok: true });
  });

  // Threat: a database copy or backup that gives away the authenticators' secrets.
  it("keeps the secret sealed while pending and once enrolled, never in clear", async () => {
    const { user, token } = await withSession();
    const actor = (await actorFromSessionToken(token))!;
    const { secret } = await startTotpEnrollment(actor);
    const stored = async () => db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpPendingSecret: true } });
    const pending = (await stored()).totpPendingSecret!;
    expect(pending).toMatch(/^tf1\./);
    expect(openTotpSecret(user.id, pending, totpKeys).secret).toBe(secret);
    await confirmTotpEnrollment(actor, totpCode(secret), ip);
    const enrolled = await stored();
    expect(enrolled.totpPendingSecret).toBeNull();
    expect(enrolled.totpSecret).toMatch(/^tf1\./);
    expect(enrolled.totpSecret).not.toContain(secret);
    expect(openTotpSecret(user.id, enrolled.totpSecret!, totpKeys).secret).toBe(secret);
  });

  it("totp:reseal seals the secrets an earlier version kept in clear, and leaves sealed ones alone", async () => {
    const [enrolled, pending, sealed] = await Promise.all([createUser({ role: "ADMIN" }), createUser({ role: "SECRETARIAT" }), createUser({ role: "ADMIN" })]);
    const secrets = [generateTotpSecret(), generateTotpSecret(), generateTotpSecret()] as const;
    await db.user.update({ where: { id: enrolled.id }, data: { totpSecret: secrets[0], totpEnabledAt: new Date() } });
    await db.user.update({ where: { id: pending.id }, data: { totpPendingSecret: secrets[1] } });
    const sealedValue = sealTotpSecret(sealed.id, secrets[2], totpKeys);
    await db.user.update({ where: { id: sealed.id }, data: { totpSecret: sealedValue, totpEnabledAt: new Date() } });

    expect(await sealStoredTotpSecrets()).toEqual({ sealed: 2, unreadable: [] });
    const rows = await db.user.findMany({
      where: { id: { in: [enrolled.id, pending.id, sealed.id] } },
      select: { id: true, totpSecret: true, totpPendingSecret: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(openTotpSecret(enrolled.id, byId.get(enrolled.id)!.totpSecret!, totpKeys)).toEqual({ secret: secrets[0], stale: false });
    expect(openTotpSecret(pending.id, byId.get(pending.id)!.totpPendingSecret!, totpKeys)).toEqual({ secret: secrets[1], stale: false });
    expect(byId.get(sealed.id)!.totpSecret).toBe(sealedValue);
    expect(await sealStoredTotpSecrets()).toEqual({ sealed: 0, unreadable: [] });
  });

  it("totp:reseal moves secrets from the previous key to the new one, and reports those neither opens", async () => {
    const [oldKey, newKey, otherKey] = [1, 2, 3].map(() => randomBytes(32).toString("base64")) as [string, string, string];
    const [user, stranded] = await Promise.all([createUser({ role: "ADMIN" }), createUser({ role: "SECRETARIAT" })]);
    const secret = generateTotpSecret();
    await db.user.update({ where: { id: user.id }, data: { totpSecret: sealTotpSecret(user.id, secret, { current: oldKey }), totpEnabledAt: new Date() } });
    // Sealed with a key neither of the two: reported, and the others sealed all the same.
    const strandedValue = sealTotpSecret(stranded.id, generateTotpSecret(), { current: otherKey });
    await db.user.update({ where: { id: stranded.id }, data: { totpSecret: strandedValue, totpEnabledAt: new Date() } });

    const outcome = await sealStoredTotpSecrets({ current: newKey, previous: oldKey });
    expect(outcome.sealed).toBe(1);
    expect(outcome.unreadable).toContain(stranded.id);
    expect(outcome.unreadable).not.toContain(user.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: stranded.id }, select: { totpSecret: true } })).totpSecret).toBe(strandedValue);
    const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    expect(openTotpSecret(user.id, totpSecret!, { current: newKey })).toEqual({ secret, stale: false });
  });
});
