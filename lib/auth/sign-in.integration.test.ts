// Threats: password guessing (online brute force), account enumeration, replay of a seen
// TOTP code, and a flood of sign-ins that pins the CPUs on password hashing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { totpKeys } from "@/lib/env";
import { recordLoginAttempt } from "@/lib/data/login-attempts";
import { TEST_PASSWORD, createUser } from "@/tests/factories";
import * as password from "./password";
import { authenticate } from "./sign-in";
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, totpCode } from "./totp";
import { openTotpSecret, sealTotpSecret } from "./totp-secret-box";

vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof import("./password")>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

let ip = "198.51.100.1";
let n = 0;
beforeEach(() => {
  // Each test signs in from its own address, so that throttling in one does not leak into another.
  ip = `198.51.100.${++n}`;
  vi.mocked(password.verifyPassword).mockClear();
});

const attempts = (email: string) => db.loginAttempt.findMany({ where: { email }, orderBy: { id: "asc" } });

describe("password sign-in", () => {
  it("signs in with the right password and records the attempt and the audit row", async () => {
    const user = await createUser({ role: "DELEGATE", countryCode: "QA" });
    const result = await authenticate({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, ip);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "DELEGATE", countryCode: "QA" } });
    expect((await attempts(user.email)).map((a) => [a.success, a.reason, a.ip])).toEqual([[true, "ok", ip]]);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in", actorId: user.id } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
  });

  it("answers a wrong password and an unknown account alike, after hashing both", async () => {
    const user = await createUser({ role: "OBSERVER" });
    const wrong = await authenticate({ email: user.email, password: "not the password" }, ip);
    const unknown = await authenticate({ email: "nobody@test.tanfeeth.org", password: "whatever it is" }, ip);
    expect(wrong).toEqual({ ok: false, reason: "bad_credentials" });
    expect(unknown).toEqual({ ok: false, reason: "bad_credentials" });
    expect(password.verifyPassword).toHaveBeenCalledTimes(2);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_refused", targetId: user.email } })).toBe(1);
  });

  it("refuses a deactivated account", async () => {
    const user = await createUser({ role: "OBSERVER" });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toEqual({ ok: false, reason: "inactive" });
  });

  it("refuses malformed input without touching the database's users", async () => {
    for (const input of [{}, { email: "x" }, { email: "a@b.org", password: "" }, { email: 5, password: 5 }, null]) {
      expect(await authenticate(input, ip)).toMatchObject({ ok: false, reason: "invalid_input" });
    }
    expect(password.verifyPassword).not.toHaveBeenCalled();
  });
});

describe("throttling", () => {
  it("blocks an account from one address after 10 consecutive failures — before any hashing", async () => {
    const user = await createUser({ role: "OBSERVER" });
    for (let i = 0; i < 10; i++) {
      expect(await authenticate({ email: user.email, password: `wrong ${i}` }, ip)).toMatchObject({ reason: "bad_credentials" });
    }
    vi.mocked(password.verifyPassword).mockClear();
    const blocked = await authenticate({ email: user.email, password: TEST_PASSWORD }, ip);
    expect(blocked).toMatchObject({ ok: false, reason: "throttled" });
    expect(blocked.ok === false && blocked.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(password.verifyPassword).not.toHaveBeenCalled();
    expect((await attempts(user.email)).at(-1)).toMatchObject({ success: false, reason: "throttled" });

    // The same account from another address, and another account from this one, still sign in.
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, "203.0.113.77")).toMatchObject({ ok: true });
    const other = await createUser({ role: "OBSERVER" });
    expect(await authenticate({ email: other.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: true });
  });

  // Threat: a flood of sign-ins beyond the throttle that fills the database row by row.
  it("records the attempts it refuses at most once a minute per address, however many arrive at once", async () => {
    const users = [await createUser({ role: "OBSERVER" }), await createUser({ role: "OBSERVER" })];
    for (const user of users) {
      for (let i = 0; i < 10; i++) await recordLoginAttempt({ email: user.email, ip, reason: "bad_credentials" });
    }
    const flood = () => Promise.all(users.flatMap((user) => Array.from({ length: 10 }, () => authenticate({ email: user.email, password: TEST_PASSWORD }, ip))));
    expect((await flood()).every((result) => !result.ok && result.reason === "throttled")).toBe(true);
    const refused = () => db.loginAttempt.count({ where: { ip, reason: "throttled" } });
    expect(await refused()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "auth.sign_in_refused", ip, after: { equals: { reason: "throttled" } } } })).toBe(1);

    // A minute later the next refused attempt is recorded again.
    await db.loginAttempt.updateMany({ where: { ip, reason: "throttled" }, data: { at: new Date(Date.now() - 61_000) } });
    await flood();
    expect(await refused()).toBe(2);
  });

  it("never extends a block with the attempts it refused", async () => {
    const user = await createUser({ role: "OBSERVER" });
    const sixteenMinutesAgo = new Date(Date.now() - 16 * 60_000);
    for (let i = 0; i < 10; i++) await recordLoginAttempt({ email: user.email, ip, reason: "bad_credentials", at: sixteenMinutesAgo });
    // More refused attempts since than would block the account, or the address, were they failures.
    for (let i = 0; i < 100; i++) await recordLoginAttempt({ email: user.email, ip, reason: "throttled", at: new Date(Date.now() - 60_000) });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: true });
  });

  it("counts only consecutive failures: a success starts the count again", async () => {
    const user = await createUser({ role: "OBSERVER" });
    for (let i = 0; i < 9; i++) await authenticate({ email: user.email, password: "wrong password" }, ip);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: true });
    for (let i = 0; i < 9; i++) await authenticate({ email: user.email, password: "wrong password" }, ip);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: true });
  });

  it("lifts the block 15 minutes after the last failure", async () => {
    const user = await createUser({ role: "OBSERVER" });
    const sixteenMinutesAgo = new Date(Date.now() - 16 * 60_000);
    for (let i = 0; i < 10; i++) await recordLoginAttempt({ email: user.email, ip, reason: "bad_credentials", at: sixteenMinutesAgo });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: true });

    const other = await createUser({ role: "OBSERVER" });
    const fourteenMinutesAgo = new Date(Date.now() - 14 * 60_000);
    for (let i = 0; i < 10; i++) await recordLoginAttempt({ email: other.email, ip, reason: "bad_credentials", at: fourteenMinutesAgo });
    expect(await authenticate({ email: other.email, password: TEST_PASSWORD }, ip)).toMatchObject({ reason: "throttled" });
  });

  it("blocks an address after 100 failures in a day, whatever the accounts", async () => {
    const earlier = new Date(Date.now() - 3 * 3_600_000);
    for (let i = 0; i < 99; i++) {
      await recordLoginAttempt({ email: `guess${i}@test.tanfeeth.org`, ip, reason: "bad_credentials", at: earlier });
    }
    const user = await createUser({ role: "OBSERVER" });
    expect(await authenticate({ email: user.email, password: "one more guess" }, ip)).toMatchObject({ reason: "bad_credentials" });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toMatchObject({ reason: "throttled" });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, "203.0.113.78")).toMatchObject({ ok: true });
  });
});

describe("two-factor sign-in", () => {
  async function secretariatWithTotp() {
    const user = await createUser({ role: "SECRETARIAT" });
    const secret = generateTotpSecret();
    await db.user.update({ where: { id: user.id }, data: { totpSecret: sealTotpSecret(user.id, secret, totpKeys), totpEnabledAt: new Date() } });
    return { user, secret };
  }

  // Threat: a database copy or backup that gives away every second factor.
  it("seals a secret kept in clear (from before encryption) on its first use, and still signs in", async () => {
    const user = await createUser({ role: "SECRETARIAT" });
    const secret = generateTotpSecret();
    await db.user.update({ where: { id: user.id }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: totpCode(secret) }, ip)).toMatchObject({ ok: true });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    expect(stored.totpSecret).toMatch(/^tf1\./);
    expect(stored.totpSecret).not.toContain(secret);
    expect(openTotpSecret(user.id, stored.totpSecret!, totpKeys)).toEqual({ secret, stale: false });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: totpCode(secret, Date.now() + 30_000) }, ip)).toMatchObject({ ok: true });
  });

  // Threat: a sealed secret copied onto another account, whose sign-in it would then open.
  it("refuses a sealed secret moved onto another account, like any wrong code", async () => {
    const { user: owner, secret } = await secretariatWithTotp();
    const other = await createUser({ role: "SECRETARIAT" });
    const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: owner.id }, select: { totpSecret: true } });
    await db.user.update({ where: { id: other.id }, data: { totpSecret, totpEnabledAt: new Date() } });
    expect(await authenticate({ email: other.email, password: TEST_PASSWORD, totp: totpCode(secret) }, ip)).toEqual({ ok: false, reason: "bad_totp" });
  });

  it("is required for the secretariat: no code, a wrong code, or no authenticator at all is refused", async () => {
    const { user, secret } = await secretariatWithTotp();
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, ip)).toEqual({ ok: false, reason: "totp_required" });
    const wrong = String((Number(totpCode(secret)) + 1) % 1_000_000).padStart(6, "0");
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: wrong }, ip)).toEqual({ ok: false, reason: "bad_totp" });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: totpCode(secret) }, ip)).toMatchObject({ ok: true });

    const unenrolled = await createUser({ role: "ADMIN" });
    expect(await authenticate({ email: unenrolled.email, password: TEST_PASSWORD, totp: "123456" }, ip)).toEqual({
      ok: false,
      reason: "totp_not_enrolled",
    });
  });

  it("never accepts the same code twice", async () => {
    const { user, secret } = await secretariatWithTotp();
    const code = totpCode(secret);
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: code }, ip)).toMatchObject({ ok: true });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: code }, ip)).toEqual({ ok: false, reason: "bad_totp" });
  });

  it("accepts each recovery code once instead of a code", async () => {
    const { user } = await secretariatWithTotp();
    const [code] = generateRecoveryCodes();
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode(code!) } });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: code!.toUpperCase() }, ip)).toMatchObject({ ok: true });
    expect(await authenticate({ email: user.email, password: TEST_PASSWORD, totp: code }, ip)).toEqual({ ok: false, reason: "bad_totp" });
  });

  it("is optional for delegates, but enforced once they turn it on", async () => {
    const delegate = await createUser({ role: "DELEGATE", countryCode: "MA" });
    expect(await authenticate({ email: delegate.email, password: TEST_PASSWORD }, ip)).toMatchObject({ ok: true });
    const secret = generateTotpSecret();
    await db.user.update({ where: { id: delegate.id }, data: { totpSecret: secret, totpEnabledAt: new Date() } });
    expect(await authenticate({ email: delegate.email, password: TEST_PASSWORD }, ip)).toEqual({ ok: false, reason: "totp_required" });
    expect(await authenticate({ email: delegate.email, password: TEST_PASSWORD, totp: totpCode(secret) }, ip)).toMatchObject({ ok: true });
  });
});
