// Real session cookies for real users, as next-auth would issue them after sign-in.
import { randomUUID } from "node:crypto";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { SESSION_IDLE_SECONDS, sessionCookieName } from "@/lib/auth/session-policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export async function sessionToken(userId: string, options: { authTime?: number; maxAge?: number; sessionId?: string } = {}) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { sessionVersion: true } });
  return encode({
    token: {
      sub: userId,
      sessionVersion: user.sessionVersion,
      authTime: options.authTime ?? Math.floor(Date.now() / 1000),
      sid: options.sessionId ?? randomUUID(),
    },
    secret: env.AUTH_SECRET,
    maxAge: options.maxAge ?? SESSION_IDLE_SECONDS,
  });
}

export async function cookieFor(userId: string | null): Promise<Record<string, string>> {
  if (!userId) return {};
  return { cookie: `${sessionCookieName(false)}=${await sessionToken(userId)}` };
}

/** A request to a route handler, as `userId` (or signed out). */
export async function apiRequest(
  path: string,
  userId: string | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<NextRequest> {
  return new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(await cookieFor(userId)),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...init.headers,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

export const noParams = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
