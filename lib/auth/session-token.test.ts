import { hkdfSync } from "node:crypto";
import { EncryptJWT } from "jose";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, encodeSessionToken, readSessionToken } from "./session-token";

const secret = "a-test-secret-of-thirty-two-chars-at-least";
const claims = { sub: "7d9a0b5e-3c1f-4e2a-9b8c-1a2b3c4d5e6f", sessionVersion: 3, authTime: 1_790_000_000, sid: "0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a" };

describe("reading the session cookie", () => {
  it("reads what next-auth sealed, as next-auth's own decode does", async () => {
    const token = await encode({ token: claims, secret, maxAge: 1_800 });
    const ours = await decodeSessionToken(token, secret);
    expect(ours).toMatchObject(claims);
    expect(ours).toEqual(await decode({ token, secret }));
  });

  it("refuses a token sealed with another secret, or altered", async () => {
    const token = await encode({ token: claims, secret, maxAge: 1_800 });
    await expect(decodeSessionToken(token, `${secret}-other`)).rejects.toThrow();
    const [header, key, iv, ciphertext, tag] = token.split(".");
    const flipped = `${ciphertext!.at(0) === "A" ? "B" : "A"}${ciphertext!.slice(1)}`;
    await expect(decodeSessionToken([header, key, iv, flipped, tag].join("."), secret)).rejects.toThrow();
    await expect(decodeSessionToken("not-a-token", secret)).rejects.toThrow();
  });

  it("refuses a token sealed with the right key but another algorithm than next-auth's", async () => {
    const key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    const wrapped = await new EncryptJWT(claims).setProtectedHeader({ alg: "A256KW", enc: "A256GCM" }).setExpirationTime("30m").encrypt(key);
    await expect(decodeSessionToken(wrapped, secret)).rejects.toThrow(/not allowed/);
  });

  it("refuses an expired token, with next-auth's 15 s allowance for clocks", async () => {
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken(expired, secret)).rejects.toThrow(/exp/);
    const justExpired = await encode({ token: claims, secret, maxAge: -5 });
    await expect(decodeSessionToken(justExpired, secret)).resolves.toMatchObject(claims);
  });
});

describe("renewing the session cookie", () => {
  it("seals what next-auth's own decode reads, with a new expiry, issue time and token id", async () => {
    const old = await decode({ token: await encode({ token: claims, secret, maxAge: 60 }), secret });
    const before = Math.floor(Date.now() / 1000);
    const renewed = await decode({ token: await encodeSessionToken(old!, secret, 1_800), secret });
    expect(renewed).toMatchObject(claims);
    expect(renewed!.exp).toBeGreaterThanOrEqual(before + 1_800);
    expect(renewed!.exp).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1_800);
    expect(renewed!.iat).toBeGreaterThanOrEqual(before);
    expect(renewed!.jti).not.toEqual(old!.jti);
  });

  it("seals with the secret's key only", async () => {
    const token = await encodeSessionToken(claims, secret, 1_800);
    await expect(decode({ token, secret: `${secret}-other` })).rejects.toThrow();
    expect(await decodeSessionToken(token, secret)).toMatchObject(claims);
  });
});

describe("the session a cookie names", () => {
  const fresh = { ...claims, authTime: Math.floor(Date.now() / 1000) };

  it("is read from a valid cookie, with its claims", async () => {
    const read = await readSessionToken(await encode({ token: fresh, secret, maxAge: 1_800 }), secret);
    expect(read?.session).toEqual({ userId: fresh.sub, sessionVersion: 3, authTime: fresh.authTime, sessionId: fresh.sid });
    expect(read?.claims.exp).toBeGreaterThan(fresh.authTime);
  });

  it("is none for no cookie, one that does not decode, or claims the session policy refuses", async () => {
    expect(await readSessionToken(undefined, secret)).toBeNull();
    expect(await readSessionToken("not-a-token", secret)).toBeNull();
    expect(await readSessionToken(await encode({ token: fresh, secret: `${secret}-other`, maxAge: 1_800 }), secret)).toBeNull();
    const { sid: _sid, ...withoutSessionId } = fresh;
    expect(await readSessionToken(await encode({ token: withoutSessionId, secret, maxAge: 1_800 }), secret)).toBeNull();
    // Older than 12 hours from sign-in.
    expect(await readSessionToken(await encode({ token: claims, secret, maxAge: 1_800 }), secret)).toBeNull();
  });
});
