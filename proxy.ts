// Runs before every request. It (1) routes pages under /ar or /en, (2) gives each page a
// Content-Security-Policy with a fresh nonce, (3) renews the session cookie's 30-minute
// idle expiry while it is in use (at most once a minute), (4) sends signed-out visitors to
// the sign-in page, and (5) answers 503 while PostgreSQL is unreachable, instead of a 500
// from deep inside a page.
// It is never the security boundary: every page, action and route handler checks access
// itself (lib/auth), so that a bypassed proxy only costs a redirect.
import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { SESSION_IDLE_SECONDS, sessionCookieName } from "@/lib/auth/session-policy";
import { encodeSessionToken, readSessionToken } from "@/lib/auth/session-token";
import { databaseIsUp } from "@/lib/database-status";
import { env, secureCookies } from "@/lib/env";
import { routing } from "@/lib/i18n/routing";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { unavailablePage } from "@/lib/security/unavailable-page";

const handleI18nRouting = createMiddleware(routing);
const cookieName = sessionCookieName(secureCookies);
const PUBLIC_PAGES = /^\/(ar|en)\/(sign-in|set-password)(\/|$)/;

// The cookie is renewed at most once a minute. Every renewal is a Set-Cookie that may arrive
// after a sign-out has deleted the cookie (a prefetch still in flight), signing the user back
// in; renewing only when a minute of the idle window is used keeps those races rare, and the
// idle limit within a minute of 30.
const RENEW_AFTER_SECONDS = 60;

type SessionCookie = { valid: false } | { valid: true; renewed: string | null };

async function sessionCookie(request: NextRequest): Promise<SessionCookie> {
  const read = await readSessionToken(request.cookies.get(cookieName)?.value, env.AUTH_SECRET);
  if (!read) return { valid: false };
  const { claims } = read;
  const remaining = typeof claims.exp === "number" ? claims.exp - Math.floor(Date.now() / 1000) : 0;
  if (remaining > SESSION_IDLE_SECONDS - RENEW_AFTER_SECONDS) return { valid: true, renewed: null };
  return { valid: true, renewed: await encodeSessionToken(claims, env.AUTH_SECRET, SESSION_IDLE_SECONDS) };
}

const RETRY_AFTER = "5";

async function unavailable(pathname: string, isApi: boolean): Promise<NextResponse | null> {
  // Health reports the outage itself; everything else waits for the database.
  if (pathname === "/api/health" || (await databaseIsUp())) return null;
  const headers = { "Retry-After": RETRY_AFTER, "Cache-Control": "no-store" };
  if (isApi) {
    return NextResponse.json(
      { error: { code: "unavailable", message: "The service is temporarily unavailable. Try again shortly." } },
      { status: 503, headers },
    );
  }
  return new NextResponse(unavailablePage(pathname.split("/")[1] ?? "ar"), {
    status: 503,
    headers: { ...headers, "Content-Type": "text/html; charset=utf-8" },
  });
}

export default async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isApi = pathname.startsWith("/api/");
  const down = await unavailable(pathname, isApi);
  if (down) return down;
  const session = await sessionCookie(request);

  let response: NextResponse;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV === "development");
  if (isApi) {
    response = NextResponse.next();
    // JSON and downloads run no script and are never framed.
    response.headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  } else {
    const locale = pathname.split("/")[1];
    // Only page visits are redirected; a POST (a server action) reaches the action, which checks itself.
    const visit = request.method === "GET" || request.method === "HEAD";
    if (visit && !session.valid && routing.locales.includes(locale as "ar") && !PUBLIC_PAGES.test(pathname)) {
      const signIn = new URL(`/${locale}/sign-in`, request.url);
      if (pathname !== `/${locale}` && pathname !== `/${locale}/`) signIn.searchParams.set("next", pathname);
      response = NextResponse.redirect(signIn);
    } else {
      // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
      const headers = new Headers(request.headers);
      headers.set("content-security-policy", csp);
      headers.set("x-nonce", nonce);
      response = handleI18nRouting(new NextRequest(request, { headers }));
    }
    response.headers.set("Content-Security-Policy", csp);
  }

  if (session.valid) {
    if (session.renewed) {
      response.cookies.set(cookieName, session.renewed, {
        httpOnly: true,
        sameSite: "lax",
        secure: secureCookies,
        path: "/",
        maxAge: SESSION_IDLE_SECONDS,
      });
    }
    response.headers.set("Cache-Control", "no-store");
  } else if (request.cookies.has(cookieName)) {
    response.cookies.delete(cookieName);
  }
  return response;
}

export const config = {
  // Everything but Next's static files and files with an extension (fonts, icons).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|.*\\.[\\w]+$).*)"],
};
