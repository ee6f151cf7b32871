// How long a session lives: 30 minutes without activity (the cookie's expiry, renewed by
// the proxy on every request) and 12 hours at most from sign-in (`authTime`, set only at
// sign-in, because next-auth re-issues `iat` on every refresh).
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_MAX_SECONDS = 12 * 60 * 60;

export type SessionClaims = { sub?: string; sessionVersion?: unknown; authTime?: unknown; sid?: unknown };

/** `sessionId` names this sign-in, so that signing out ends it and no other session of the user. */
export type ValidSession = { userId: string; sessionVersion: number; authTime: number; sessionId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The claims of a decoded, unexpired session token, if they are complete and within 12 hours. */
export function validSession(claims: SessionClaims | null, nowSeconds = Math.floor(Date.now() / 1000)): ValidSession | null {
  if (!claims?.sub || typeof claims.sessionVersion !== "number" || typeof claims.authTime !== "number") return null;
  if (typeof claims.sid !== "string" || !UUID.test(claims.sid)) return null;
  if (claims.authTime > nowSeconds + 60 || nowSeconds - claims.authTime >= SESSION_MAX_SECONDS) return null;
  return { userId: claims.sub, sessionVersion: claims.sessionVersion, authTime: claims.authTime, sessionId: claims.sid };
}

export function sessionCookieName(secure: boolean): string {
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
