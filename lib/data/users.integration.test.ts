import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSessionToken } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/sign-in";
import { totpCode } from "@/lib/auth/totp";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Mailer, OutgoingMail } from "@/lib/mail/transport";
import { sessionToken } from "@/tests/auth";
import { TEST_PASSWORD, createUser, recordReport } from "@/tests/factories";
import { confirmTotpEnrollment, openPasswordLink, setPasswordWithLink, startTotpEnrollment } from "./accounts";
import { getCommitmentByCode } from "./commitments";
import { handOverCountry, issuePasswordLink, listActiveDelegates, listUsers, resetTwoFactor } from "./users";

let admin: Actor;
let outgoing: Actor;

beforeAll(async () => {
  admin = await createUser({ role: "ADMIN" });
  outgoing = await createUser({ role: "DELEGATE", countryCode: "JO", name: "Outgoing Delegate" });
  await recordReport({ code: "35/2", country: "JO", status: "LIMITED", authorId: outgoing.id, visibility: "RESTRICTED", narrative: "restricted JO narrative" });
  await db.comment.create({ data: { commitmentId: (await db.commitment.findUniqueOrThrow({ where: { code: "35/2" } })).id, countryCode: "JO", authorId: outgoing.id, body: "note" } });
});

describe("handing a country over to a new delegate", () => {
  it("gives the new delegate the country's whole history at once, and leaves past entries with their authors", async () => {
    const outgoingToken = await sessionToken(outgoing.id);
    const incoming = await createUser({ role: "OBSERVER", name: "Incoming Delegate" });
    const incomingToken = await sessionToken(incoming.id);
    // Before: the incoming user, an observer, does not see Jordan's restricted report.
    expect((await getCommitmentByCode(incoming, "35/2"))!.countries.find((c) => c.country.code === "JO")!.status).toBe("WITHHELD");

    const result = await handOverCountry(admin, { countryCode: "JO", newDelegate: { userId: incoming.id }, deactivatePrevious: true }, "192.0.2.4");
    expect(result).toMatchObject({ userId: incoming.id, link: null, deactivated: [outgoing.id] });

    const newDelegate = await db.user.findUniqueOrThrow({ where: { id: incoming.id } });
    expect(newDelegate).toMatchObject({ role: "DELEGATE", countryCode: "JO", deactivatedAt: null });
    expect((await getCommitmentByCode(newDelegate, "35/2"))!.countries.find((c) => c.country.code === "JO")!.status).toBe("LIMITED");
    // Past entries stay attributed to their author.
    expect(await db.report.findMany({ where: { countryCode: "JO" }, select: { authorId: true } })).toEqual([{ authorId: outgoing.id }]);
    expect(await db.comment.findMany({ where: { countryCode: "JO" }, select: { authorId: true } })).toEqual([{ authorId: outgoing.id }]);
    // The outgoing delegate is deactivated; both old sessions end (a new role for one, deactivation for the other).
    expect((await db.user.findUniqueOrThrow({ where: { id: outgoing.id } })).deactivatedAt).not.toBeNull();
    expect(await actorFromSessionToken(outgoingToken)).toBeNull();
    expect(await actorFromSessionToken(incomingToken)).toBeNull();
    expect(await actorFromSessionToken(await sessionToken(incoming.id))).toMatchObject({ role: "DELEGATE", countryCode: "JO" });

    const [audit] = await db.auditLog.findMany({ where: { action: "user.handover", targetId: "JO" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "country", ip: "192.0.2.4" });
    expect(audit!.before).toMatchObject({ delegates: [outgoing.email], newDelegateBefore: { role: "OBSERVER", countryCode: null } });
    expect(audit!.after).toMatchObject({ newDelegate: incoming.id, deactivated: [outgoing.email] });
  });

  it("creates a new account with a set-password link, and can keep the current delegates", async () => {
    const current = await createUser({ role: "DELEGATE", countryCode: "TN" });
    const result = await handOverCountry(admin, { countryCode: "TN", newDelegate: { email: "new.tn@test.tanfeeth.org", name: "New TN" }, deactivatePrevious: false }, null);
    expect(result.link?.token).toBeTruthy();
    expect(result.deactivated).toEqual([]);
    const delegates = (await listActiveDelegates(admin)).find((c) => c.countryCode === "TN")!.delegates.map((d) => d.email);
    expect(delegates.sort()).toEqual([current.email, "new.tn@test.tanfeeth.org"].sort());
    await expect(
      handOverCountry(admin, { countryCode: "TN", newDelegate: { email: "new.tn@test.tanfeeth.org", name: "Again" }, deactivatePrevious: false }, null),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  // Threat: someone other than an admin moving a country's reporting rights to an account of
  // their choosing (or to themselves).
  it("is for admins only, and never to oneself", async () => {
    const secretariat = await createUser({ role: "SECRETARIAT" });
    const before = await db.user.findMany({ where: { countryCode: "JO" }, orderBy: { id: "asc" } });
    await expect(handOverCountry(secretariat, { countryCode: "JO", newDelegate: { userId: secretariat.id }, deactivatePrevious: true }, null)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(handOverCountry(admin, { countryCode: "JO", newDelegate: { userId: admin.id }, deactivatePrevious: true }, null)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.user.findMany({ where: { countryCode: "JO" }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("the users list", () => {
  it("filters by name or e-mail, role, country and state", async () => {
    const names = (users: { name: string }[]) => users.map((u) => u.name);
    expect(names(await listUsers(admin, { q: "incoming" }))).toEqual(["Incoming Delegate"]);
    expect(names(await listUsers(admin, { country: "JO", state: "inactive" }))).toEqual(["Outgoing Delegate"]);
    expect(names(await listUsers(admin, { country: "JO", state: "active" }))).toEqual(["Incoming Delegate"]);
    expect((await listUsers(admin, { role: "ADMIN" })).every((u) => u.role === "ADMIN")).toBe(true);
    expect((await listUsers(admin, { role: "ADMIN" })).map((u) => u.id)).toContain(admin.id);
  });
});

/** A user of `role` with an enrolled authenticator; returns the user and its secret. */
async function withAuthenticator(role: "ADMIN" | "SECRETARIAT" | "DELEGATE", countryCode?: string) {
  const user = await createUser({ role, ...(countryCode ? { countryCode } : {}) });
  const { secret } = await startTotpEnrollment(user);
  await confirmTotpEnrollment(user, totpCode(secret), null);
  return { user, secret };
}

describe("removing a lost authenticator", () => {
  let resetter: Awaited<ReturnType<typeof withAuthenticator>>;
  let sent: OutgoingMail[];
  const mailer: Mailer = { send: async (mail) => void sent.push(mail) };
  beforeAll(async () => {
    resetter = await withAuthenticator("ADMIN");
  });
  beforeEach(() => {
    sent = [];
  });

  /** The resetting admin's current code, not yet used (each code is accepted once). */
  async function ownCode(): Promise<string> {
    await db.user.update({ where: { id: resetter.user.id }, data: { totpLastStep: null } });
    return totpCode(resetter.secret);
  }

  it("removes a secretariat officer's authenticator and recovery codes, ends their sessions, and gives a link to enrol anew", async () => {
    const { user, secret } = await withAuthenticator("SECRETARIAT");
    const before = await sessionToken(user.id);
    const { link } = await resetTwoFactor(resetter.user, { userId: user.id, code: await ownCode() }, "192.0.2.9", { mailer });

    expect(
      await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true, totpPendingSecret: true, totpLastStep: true } }),
    ).toEqual({ totpSecret: null, totpEnabledAt: null, totpPendingSecret: null, totpLastStep: null });
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await actorFromSessionToken(before)).toBeNull();
    // The role requires an authenticator: the password alone does not sign in, the link enrols a new one.
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: totpCode(secret) }, "192.0.2.9")).toMatchObject({
      ok: false,
      reason: "totp_not_enrolled",
    });
    const target = await openPasswordLink(link!.token);
    expect(target).toMatchObject({ email: user.email, needsTotp: true });
    expect(target!.totp!.secret).not.toBe(secret);
    const done = await setPasswordWithLink({ token: link!.token, password: "a new passphrase", totpCode: totpCode(target!.totp!.secret) }, null);
    expect(done.recoveryCodes).toHaveLength(10);

    const [audit] = await db.auditLog.findMany({ where: { action: "user.totp_reset", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: resetter.user.id, targetType: "user", ip: "192.0.2.9", after: { recoveryCodesRemoved: 10, passwordLinkIssued: true } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: user.email });
    expect(sent[0]!.text).toContain("will send you a one-time link");
  });

  it("leaves a delegate to sign in with their password, and cancels a link issued before", async () => {
    const { user } = await withAuthenticator("DELEGATE", "OM");
    const before = await sessionToken(user.id);
    const earlier = await issuePasswordLink(admin, user.id, null);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, "192.0.2.10")).toMatchObject({ reason: "totp_required" });

    expect(await resetTwoFactor(resetter.user, { userId: user.id, code: await ownCode() }, null, { mailer })).toEqual({ link: null });

    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, "192.0.2.10")).toMatchObject({ ok: true });
    expect(await actorFromSessionToken(before)).toBeNull();
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    // The earlier link would have set a password on an account that no longer asks for a code.
    expect(await openPasswordLink(earlier.token)).toBeNull();
    const [audit] = await db.auditLog.findMany({ where: { action: "user.totp_reset", targetId: user.id } });
    expect(audit!.after).toEqual({ recoveryCodesRemoved: 10, passwordLinkIssued: false });
    expect(sent[0]!.text).toContain("You can sign in with your password");
  });

  it("stands when the e-mail cannot be sent", async () => {
    const { user } = await withAuthenticator("ADMIN");
    const failing: Mailer = { send: async () => Promise.reject(new Error("SMTP down")) };
    const { link } = await resetTwoFactor(resetter.user, { userId: user.id, code: await ownCode() }, null, { mailer: failing });
    expect(link).not.toBeNull();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } })).toEqual({ totpSecret: null });
  });

  // Threat: someone other than an admin — or an admin's unattended session — taking a second
  // factor off an account, so that its password alone opens it.
  it("is for admins only, with their own current code, never one's own, and only where there is an authenticator", async () => {
    const { user } = await withAuthenticator("SECRETARIAT");
    const secretariat = await createUser({ role: "SECRETARIAT" });
    const deactivated = await withAuthenticator("SECRETARIAT");
    await db.user.update({ where: { id: deactivated.user.id }, data: { deactivatedAt: new Date() } });
    const reset = async (actor: Actor, userId: string, code?: string) => resetTwoFactor(actor, { userId, code: code ?? (await ownCode()) }, null, { mailer });

    await expect(reset(secretariat, user.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(reset(resetter.user, user.id, "000000")).rejects.toBeInstanceOf(InvalidInputError);
    // An admin without an authenticator of their own (it was removed) cannot confirm.
    await expect(reset(admin, user.id, "123456")).rejects.toBeInstanceOf(InvalidInputError);
    // A code is accepted once.
    const code = await ownCode();
    await reset(resetter.user, (await withAuthenticator("DELEGATE", "OM")).user.id, code);
    await expect(reset(resetter.user, user.id, code)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(reset(resetter.user, resetter.user.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(reset(resetter.user, secretariat.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(reset(resetter.user, deactivated.user.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(reset(resetter.user, "00000000-0000-4000-8000-000000000000")).rejects.toBeInstanceOf(NotFoundError);

    for (const kept of [user, deactivated.user]) {
      expect((await db.user.findUniqueOrThrow({ where: { id: kept.id }, select: { totpSecret: true } })).totpSecret).not.toBeNull();
      expect(await db.recoveryCode.count({ where: { userId: kept.id } })).toBe(10);
      expect(await db.auditLog.count({ where: { action: "user.totp_reset", targetId: kept.id } })).toBe(0);
    }
    expect(sent).toHaveLength(1);
  });
});
