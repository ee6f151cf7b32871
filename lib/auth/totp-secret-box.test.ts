// Threat: a copy of the database (a backup, a replica, a dump sent for support) that gives away
// every second factor, or a sealed secret copied from one account onto another.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateTotpSecret } from "./totp";
import { openTotpSecret, sealTotpSecret, TotpSecretUnreadableError } from "./totp-secret-box";

const newKey = () => randomBytes(32).toString("base64");
const keys = { current: newKey() };
const user = "0192f0c4-0000-7000-8000-000000000001";
const secret = generateTotpSecret();

describe("sealed TOTP secrets", () => {
  it("open to the secret they were sealed from, and never hold it in clear", () => {
    const sealed = sealTotpSecret(user, secret, keys);
    expect(sealed).toMatch(/^tf1\.[0-9a-f]{8}\.[\w-]+$/);
    expect(sealed).not.toContain(secret);
    expect(openTotpSecret(user, sealed, keys)).toEqual({ secret, stale: false });
    // A fresh nonce each time: equal secrets do not look equal in the table.
    expect(sealTotpSecret(user, secret, keys)).not.toBe(sealed);
  });

  it("do not open for another account, under another key, or once altered", () => {
    const sealed = sealTotpSecret(user, secret, keys);
    expect(() => openTotpSecret("0192f0c4-0000-7000-8000-000000000002", sealed, keys)).toThrow(TotpSecretUnreadableError);
    expect(() => openTotpSecret(user, sealed, { current: newKey() })).toThrow(/not configured/);
    const [format, keyId, payload] = sealed.split(".");
    const bytes = Buffer.from(payload!, "base64url");
    bytes[20]! ^= 1;
    expect(() => openTotpSecret(user, `${format}.${keyId}.${bytes.toString("base64url")}`, keys)).toThrow(TotpSecretUnreadableError);
    expect(() => openTotpSecret(user, `${format}.${keyId}.${payload!.slice(0, 20)}`, keys)).toThrow(TotpSecretUnreadableError);
    expect(() => openTotpSecret(user, "not a secret", keys)).toThrow(/unknown format/);
  });

  it("open under the previous key during a rotation, marked to be sealed again", () => {
    const previous = newKey();
    const sealed = sealTotpSecret(user, secret, { current: previous });
    expect(openTotpSecret(user, sealed, { current: keys.current, previous })).toEqual({ secret, stale: true });
  });

  it("read a secret kept in clear by an earlier version, marked to be sealed", () => {
    expect(openTotpSecret(user, secret, keys)).toEqual({ secret, stale: true });
  });
});
