// Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), as every authenticator
// app reads them, and single-use recovery codes.
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

const ISSUER = "Tanfeeth";

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

export function isTotpSecret(value: string): boolean {
  return /^[A-Z2-7]{16,}=*$/.test(value);
}

/**
 * The time step of `code` if it is valid now (one step of clock drift either way) and newer
 * than `lastStep`, so that an observed code cannot be replayed; otherwise null.
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const generator = totp(secret);
  const delta = generator.validate({ token, window: 1, timestamp: now });
  if (delta === null) return null;
  const step = generator.counter({ timestamp: now }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

const RECOVERY_CODE_COUNT = 10;

/** Ten codes like "k7q2-m9xw-4hfd", shown once; only their hashes are kept. */
export function generateRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(12);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

export function normaliseRecoveryCode(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, "");
}

// Recovery codes carry ~60 bits of randomness: a fast hash is enough to keep them secret.
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{12}$/.test(normaliseRecoveryCode(code));
}
