import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  totpCode,
  totpUri,
  verifyTotp,
} from "./totp";

const secret = generateTotpSecret();
const now = Date.UTC(2026, 10, 28, 12, 0, 15);

describe("TOTP", () => {
  it("accepts the current code and returns its time step", () => {
    expect(verifyTotp(secret, totpCode(secret, now), null, now)).toBe(Math.floor(now / 30_000));
  });

  it("tolerates one step of clock drift, not two", () => {
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), null, now)).not.toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), null, now)).not.toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now - 90_000), null, now)).toBeNull();
  });

  it("refuses a code already used (replay), and older ones", () => {
    const step = verifyTotp(secret, totpCode(secret, now), null, now)!;
    expect(verifyTotp(secret, totpCode(secret, now), step, now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), step, now)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), step, now)).toBe(step + 1);
  });

  it("refuses malformed and wrong codes", () => {
    const good = totpCode(secret, now);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, "0");
    for (const code of ["", "12345", "1234567", "abcdef", wrong]) expect(verifyTotp(secret, code, null, now)).toBeNull();
    expect(verifyTotp(secret, `${good.slice(0, 3)} ${good.slice(3)}`, null, now)).not.toBeNull();
  });

  it("writes an otpauth URI that authenticator apps read", () => {
    expect(totpUri(secret, "delegate.qa@demo.tanfeeth.org")).toMatch(
      /^otpauth:\/\/totp\/Tanfeeth:delegate\.qa%40demo\.tanfeeth\.org\?issuer=Tanfeeth&secret=[A-Z2-7]+&algorithm=SHA1&digits=6&period=30$/,
    );
  });
});

describe("recovery codes", () => {
  it("gives ten distinct codes, hashed independently of case and dashes", () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
      expect(looksLikeRecoveryCode(code)).toBe(true);
      expect(hashRecoveryCode(code.toUpperCase().replaceAll("-", " "))).toBe(hashRecoveryCode(code));
    }
  });
});
