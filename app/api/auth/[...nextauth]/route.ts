import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { authOptions } from "@/lib/auth/options";
import { getThrottleStatus, recordThrottledAttempt } from "@/lib/data/login-attempts";
import { env } from "@/lib/env";

const nextAuth = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// A throttled caller gets 429 with Retry-After before next-auth (and any hashing) runs;
// `url` keeps next-auth's client (`signIn(..., { redirect: false })`) working.
async function throttled(request: NextRequest): Promise<Response | null> {
  if (!request.nextUrl.pathname.endsWith("/callback/credentials")) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase().slice(0, 254);
  const ip = clientAddress(request.headers, env.TRUSTED_PROXY_HOPS);
  const status = await getThrottleStatus(email, ip);
  if (!status.blocked) return null;
  if (!status.recordedLately) await recordThrottledAttempt(email, ip);
  return Response.json(
    {
      error: { code: "too_many_requests", message: "Too many failed sign-in attempts. Try again later." },
      url: new URL("/api/auth/error?error=Throttled", request.nextUrl.origin).toString(),
    },
    { status: 429, headers: { "Retry-After": String(status.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

export async function GET(request: NextRequest, context: Context) {
  return nextAuth(request, context);
}

export async function POST(request: NextRequest, context: Context) {
  return (await throttled(request)) ?? nextAuth(request, context);
}
