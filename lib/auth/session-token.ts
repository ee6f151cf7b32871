// Reads and renews next-auth's session cookie (a JWE: "dir" + A256GCM, its key derived from
// AUTH_SECRET by HKDF) exactly as next-auth's `decode` and `encode` do, with the key derived
// once per secret instead of on every call: the proxy and the page each read the cookie on every
// request, and the derivation was most of that work (some 4% of a page's CPU); a renewal
// derived it again (some 2 ms of a request).
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import { validSession, type ValidSession } from "./session-policy";

// next-auth 4's derivation (jwt/index.js, getDerivedEncryptionKey) with its default empty salt.
const INFO = "NextAuth.js Generated Encryption Key";
const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", INFO, 32));
    keys.set(secret, key);
  }
  return key;
}

/** The token's claims; throws if it was not sealed with `secret`, was altered, or has expired. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  // The same 15 s clock tolerance as next-auth; and only what next-auth seals with (it accepts
  // any algorithm the key fits).
  const { payload } = await jwtDecrypt(token, encryptionKey(secret), {
    clockTolerance: 15,
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: ["A256GCM"],
  });
  return payload;
}

/**
 * The claims sealed for `maxAge` seconds from now, as next-auth's `encode` seals them (issued now,
 * a fresh token id): what the proxy sends back when it renews the cookie's idle expiry.
 */
export function encodeSessionToken(claims: JWTPayload, secret: string, maxAge: number): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(encryptionKey(secret));
}

/**
 * A session cookie's claims and the session they name; null for no cookie, one that does not
 * decode, or claims that `validSession` refuses (incomplete, older than 12 hours).
 */
export async function readSessionToken(
  token: string | undefined,
  secret: string,
): Promise<{ claims: JWTPayload; session: ValidSession } | null> {
  if (!token) return null;
  let claims;
  try {
    claims = await decodeSessionToken(token, secret);
  } catch {
    return null;
  }
  const session = validSession(claims);
  return session ? { claims, session } : null;
}
