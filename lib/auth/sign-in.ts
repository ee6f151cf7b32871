import "server-only";
// The whole credentials check, in the order that keeps it cheap and quiet: throttle first
// (no hashing for a blocked caller), then the password (hashed even for unknown accounts,
// so that timing does not reveal which exist), then the second factor. Every attempt is
// recorded (those a block refuses, one a minute per address); every failure looks the same to
// the caller.
import { randomBytes } from "node:crypto";
import { acceptTotpCode, consumeRecoveryCode, findSignInCandidate, recordRefusedSignIn, recordSuccessfulSignIn } from "@/lib/data/accounts";
import { getThrottleStatus, recordLoginAttempt, recordThrottledAttempt, type AttemptReason } from "@/lib/data/login-attempts";
import { SignInSchema } from "@/lib/validation/sign-in";
import type { Actor } from "./actor";
import { hashPassword, verifyPassword } from "./password";
import { requiresTwoFactor } from "./permissions";
import { looksLikeRecoveryCode } from "./totp";

export type SignInResult =
  | { ok: true; user: Actor & { sessionVersion: number } }
  | { ok: false; reason: Exclude<AttemptReason, "ok">; retryAfterSeconds?: number };

let dummyHash: Promise<string> | undefined;

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
    if (!throttle.recordedLately) await recordThrottledAttempt(email, ip);
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
