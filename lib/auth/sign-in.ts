import "server-only";
// The whole credentials check, in the order that keeps it cheap and quiet: throttle first
// (no hashing for a blocked caller), then the password (hashed even for unknown accounts,
// so that timing does not reveal which exist), then the second factor. Every attempt is
// recorded; every failure looks the same to the caller.
import { randomBytes } from "node:crypto";
import { acceptTotpCode, consumeRecoveryCode, findSignInCandidate, recordRefusedSignIn, recordSuccessfulSignIn } from "@/lib/data/accounts";
import { getThrottleStatus, recordLoginAttempt, type AttemptReason, type ThrottleStatus } from "@/lib/data/login-attempts";
import { SignInSchema } from "@/lib/validation/sign-in";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { requiresTwoFactor } from "./permissions";
import { looksLikeRecoveryCode } from "./totp";

export type SignInResult =
  | { ok: true; user: Actor & { sessionVersion: number } }
  | { ok: false; reason: Exclude<AttemptReason, "ok">; retryAfterSeconds?: number };

let dummyHash: Promise<string> | undefined;

/**
 * Records an attempt the throttle refused, unless one from the same address was recorded
 * lately: a flood from one address leaves a row a minute, not one per request, in the attempts
 * and the audit log (it cannot fill the database).
 */
export async function recordThrottledAttempt(email: string, ip: string, status: Extract<ThrottleStatus, { blocked: true }>): Promise<void> {
  if (status.recordedLately) return;
  await recordLoginAttempt({ email, ip, reason: "throttled" });
  await recordRefusedSignIn(email, "throttled", ip);
}

export async function authenticate(raw: unknown, ip: string): Promise<SignInResult> {
  const parsed = SignInSchema.safeParse(raw);
  const email =
    typeof raw === "object" && raw && "email" in raw && typeof raw.email === "string"
      ? raw.email.trim().toLowerCase().slice(0, 254)
      : "";
  const fail = async (reason: Exclude<AttemptReason, "ok" | "throttled">) => {
    await recordLoginAttempt({ email, ip, reason });
    await recordRefusedSignIn(email, reason, ip);
    return { ok: false as const, reason };
  };
  if (!parsed.success) return fail("invalid_input");

  const throttle = await getThrottleStatus(parsed.data.email, ip);
  if (throttle.blocked) {
    await recordThrottledAttempt(email, ip, throttle);
    return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  }

  const user = await findSignInCandidate(parsed.data.email);
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
  if (!user || !user.passwordHash || !passwordOk) return fail("bad_credentials");
  if (user.deactivatedAt) return fail("inactive");

  if (user.totpSecret || requiresTwoFactor(user.role)) {
    if (!user.totpSecret) return fail("totp_not_enrolled");
    const code = parsed.data.totp;
    if (!code) return fail("totp_required");
    const accepted = looksLikeRecoveryCode(code)
      ? await consumeRecoveryCode(user.id, code)
      : await acceptTotpCode(user.id, user.totpSecret, user.totpLastStep, code);
    if (!accepted) return fail("bad_totp");
  }

  await recordLoginAttempt({ email: user.email, ip, reason: "ok" });
  await recordSuccessfulSignIn(user, ip);
  const { id, email: userEmail, name, role, countryCode, sessionVersion } = user;
  return { ok: true, user: { id, email: userEmail, name, role, countryCode, sessionVersion } };
}
