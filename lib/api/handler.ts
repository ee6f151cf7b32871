// Every route handler of the JSON API goes through `apiRoute`: it resolves the actor,
// refuses foreign origins on writes, and turns expected errors into JSON responses —
// never a redirect, an HTML page or a stack trace.
import type { NextRequest } from "next/server";
import { ZodError, z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { actorFromRequest } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { recordRefusedWrite } from "@/lib/data/audit";
import { markDatabaseDown } from "@/lib/database-status";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { jsonError } from "./respond";
import { isForeignOrigin } from "./same-origin";

type Context<P> = { params: Promise<P> };

type Handler<P> = (request: NextRequest, actor: Actor, params: P) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The caller's address, for the audit log (behind TRUSTED_PROXY_HOPS proxies). */
export function requestAddress(request: NextRequest): string {
  return clientAddress(request.headers, env.TRUSTED_PROXY_HOPS);
}

export function apiRoute<P = Record<string, never>>(handler: Handler<P>) {
  return async (request: NextRequest, context: Context<P>): Promise<Response> => {
    if (!SAFE_METHODS.has(request.method) && isForeignOrigin(request.headers)) {
      return jsonError(403, "forbidden", "Cross-site requests are refused.");
    }
    let actor: Actor | null = null;
    let response: Response;
    let reason = "forbidden";
    try {
      actor = await actorFromRequest(request);
      if (!actor) return jsonError(401, "unauthenticated", "Sign in first.");
      response = await handler(request, actor, await context.params);
    } catch (error) {
      if (error instanceof ForbiddenError) reason = error.message;
      response = errorResponse(error);
    }
    // A write refused to a signed-in caller, whether thrown by the data layer or answered by the handler.
    if (response.status === 403 && actor && !SAFE_METHODS.has(request.method)) {
      const target = `${request.method} ${request.nextUrl.pathname}`;
      await recordRefusedWrite({ actor, targetType: "api", target, ip: requestAddress(request), reason });
    }
    return response;
  };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    return jsonError(400, "bad_request", "The request is not valid.", { fieldErrors: z.flattenError(error).fieldErrors });
  }
  if (error instanceof InvalidInputError) {
    return jsonError(400, "bad_request", "The request is not valid.", { fieldErrors: error.fieldErrors });
  }
  // Another country's data answers 404, like data that does not exist: existence must not leak.
  if (error instanceof NotFoundError) return jsonError(404, "not_found", "Not found.");
  if (error instanceof ForbiddenError) return jsonError(403, "forbidden", "You may not do this.");
  if (error instanceof ConflictError) {
    return jsonError(409, "conflict", error.messageKey, error.details ? { details: error.details } : undefined);
  }
  if (isDatabaseUnavailable(error)) {
    markDatabaseDown();
    logger.error("database unavailable", { error: error instanceof Error ? error.message : String(error) });
    return jsonError(503, "unavailable", "The service is temporarily unavailable. Try again shortly.");
  }
  logger.error("unexpected API error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return jsonError(500, "internal", "Something went wrong.");
}
