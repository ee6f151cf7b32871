// TOTP secrets are kept encrypted (AES-256-GCM) under TOTP_ENCRYPTION_KEY, a key of their own:
// a copy of the database or of a backup does not give away anyone's second factor, and rotating
// AUTH_SECRET (which signs cookies) does not disable every authenticator. The user's id is bound
// in as associated data, so a sealed secret copied onto another account does not open there.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { isTotpSecret } from "./totp";

/** Sealed values read `tf1.<key id>.<nonce | ciphertext | tag, base64url>`. */
const FORMAT = "tf1";
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** The keys in base64 (lib/env.ts's `totpKeys`): seals with `current`, opens with either. */
export type TotpKeys = { current: string; previous?: string | undefined };

type Key = { id: string; bytes: Buffer };

function keyOf(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  // Names the key in each sealed value, so that a rotation knows which key opens it.
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

const associatedData = (userId: string) => Buffer.from(`tanfeeth totp secret of ${userId}`);

export function sealTotpSecret(userId: string, secret: string, keys: TotpKeys): string {
  const key = keyOf(keys.current);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, nonce);
  cipher.setAAD(associatedData(userId));
  const sealed = Buffer.concat([nonce, cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${FORMAT}.${key.id}.${sealed.toString("base64url")}`;
}

export class TotpSecretUnreadableError extends Error {
  override readonly name = "TotpSecretUnreadableError";
  constructor(reason: string) {
    super(`A stored TOTP secret cannot be read (${reason}); check TOTP_ENCRYPTION_KEY and TOTP_ENCRYPTION_KEY_PREVIOUS`);
  }
}

/**
 * The secret in `stored`. `stale` says it should be sealed again with the current key: it was
 * kept in clear (before encryption) or sealed with the previous key (during a rotation).
 */
export function openTotpSecret(userId: string, stored: string, keys: TotpKeys): { secret: string; stale: boolean } {
  if (isTotpSecret(stored)) return { secret: stored, stale: true };
  const [format, keyId, payload] = stored.split(".");
  if (format !== FORMAT || !keyId || !payload) throw new TotpSecretUnreadableError("unknown format");
  const current = keyOf(keys.current);
  const previous = keys.previous ? keyOf(keys.previous) : null;
  const key = [current, previous].find((k) => k?.id === keyId);
  if (!key) throw new TotpSecretUnreadableError(`sealed with key ${keyId}, which is not configured`);
  const sealed = Buffer.from(payload, "base64url");
  if (sealed.length <= NONCE_BYTES + TAG_BYTES) throw new TotpSecretUnreadableError("truncated");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, sealed.subarray(0, NONCE_BYTES));
  decipher.setAAD(associatedData(userId));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  try {
    const secret = Buffer.concat([decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString("utf8");
    return { secret, stale: key !== current };
  } catch {
    throw new TotpSecretUnreadableError("altered, or sealed for another account");
  }
}
