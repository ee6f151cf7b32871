import { describe, expect, it } from "vitest";
import { SESSION_MAX_SECONDS, validSession } from "./session-policy";

const now = 1_800_000_000;
const sid = "0192f3a4-5b6c-7d8e-9f01-23456789abcd";

describe("validSession", () => {
  it("accepts complete claims within twelve hours of sign-in", () => {
    expect(validSession({ sub: "u1", sessionVersion: 3, authTime: now - 3600, sid }, now)).toEqual({
      userId: "u1",
      sessionVersion: 3,
      authTime: now - 3600,
      sessionId: sid,
    });
  });

  it("ends the session twelve hours after sign-in, however active", () => {
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now - SESSION_MAX_SECONDS, sid }, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now - SESSION_MAX_SECONDS + 1, sid }, now)).not.toBeNull();
  });

  it("refuses tokens without the claims set at sign-in, or from the future", () => {
    expect(validSession(null, now)).toBeNull();
    // Each with a session id, so that what is refused is the claim each line leaves out.
    expect(validSession({ sub: "u1", sessionVersion: 1, sid }, now)).toBeNull();
    expect(validSession({ sub: "u1", authTime: now, sid }, now)).toBeNull();
    expect(validSession({ sessionVersion: 1, authTime: now, sid }, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: "1", authTime: now, sid }, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now + 3600, sid }, now)).toBeNull();
    // Tokens issued before sessions had an id, or with a malformed one.
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now }, now)).toBeNull();
    expect(validSession({ sub: "u1", sessionVersion: 1, authTime: now, sid: "x'; DROP TABLE ended_session; --" }, now)).toBeNull();
  });
});
