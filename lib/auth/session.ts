import "server-only";
// The one way pages, server actions and route handlers learn who is asking. Role and
// country always come from the database; a revoked session (sessionVersion bumped) or a
// deactivated user is refused on the very next request.
import { cookies } from "next/headers";
import { cache } from "react";
import { getActorForSession } from "@/lib/data/accounts";
import { env, secureCookies } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import type { Actor } from "./actor";
import { sessionCookieName } from "./session-policy";
import { readSessionToken } from "./session-token";

export class UnauthenticatedError extends Error {
  constructor() {
    super("sign-in required");
  }
}

/** The actor of a raw session cookie value, or null. */
export async function actorFromSessionToken(token: string | undefined): Promise<Actor | null> {
  const read = await readSessionToken(token, env.AUTH_SECRET);
  return read ? getActorForSession(read.session) : null;
}

/** The actor of a route handler's request (read from its own cookies, so handlers are testable). */
export function actorFromRequest(request: { cookies: { get(name: string): { value: string } | undefined } }) {
  return actorFromSessionToken(request.cookies.get(sessionCookieName(secureCookies))?.value);
}

export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const jar = await cookies();
  return actorFromSessionToken(jar.get(sessionCookieName(secureCookies))?.value);
});

/** The signed-in actor, or an UnauthenticatedError (401 in the API, the sign-in page in the UI). */
export async function requireUser(): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** The signed-in actor if `allowed(actor)`; otherwise a ForbiddenError. */
export async function requirePermission(allowed: (actor: Actor) => boolean): Promise<Actor> {
  const actor = await requireUser();
  if (!allowed(actor)) throw new ForbiddenError();
  return actor;
}
