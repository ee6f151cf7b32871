import { describe, expect, it } from "vitest";
import { SESSION_MAX_SECONDS, validSession } from "./session-policy";

const now = 1_800_000_000;

describe("validSession", () => {
  it("accepts complete claims within twelve hours of sign-in", () => {
    expect(validSession({ sub: "u1", sessionVersion: 3, authTime: now - 3600 }, now)).toEqual({
      userId: "u1",
      sessionVersion: 3,
      authTime: now - 3600,
    });
  });

  it("ends the session twelve hours after sign-in, however active", () => {
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now - SESSION_MAX_SECONDS }, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now - SESSION_MAX_SECONDS + 1 }, now)).not.toBeNull();
  });

  it("refuses tokens without the claims set at sign-in, or from the future", () => {
    expect(validSession(null, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: 1 }, now)).toBeNull();
    expect(validSession({ sub: "u1", authTime: now }, now)).toBeNull();
    expect(validSession({ sessionVersion: 1, authTime: now }, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: "1", authTime: now }, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now + 3600 }, now)).toBeNull();
  });
});
