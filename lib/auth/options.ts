import "server-only";
import { randomUUID } from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordSignOut } from "@/lib/data/accounts";
import { env, secureCookies } from "@/lib/env";
import { clientAddress } from "./client-address";
import { SESSION_IDLE_SECONDS, validSession } from "./session-policy";
import { authenticate } from "./sign-in";

// next-auth 4 with email + password (+ TOTP) and JWT sessions. The token carries only the
// user id, the session version, the sign-in time and an id of this sign-in: role and country
// are read from the database on every request (lib/auth/session.ts).
export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  useSecureCookies: secureCookies,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/ar/sign-in", error: "/ar/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        totp: { label: "Code", type: "text" },
      },
      async authorize(credentials, request) {
        const ip = clientAddress(request?.headers ?? {}, env.TRUSTED_PROXY_HOPS);
        const result = await authenticate(credentials ?? {}, ip);
        // Every failure is the same null: one generic message, nothing to tell accounts apart.
        if (!result.ok) return null;
        return { id: result.user.id, sessionVersion: result.user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        return {
          sub: user.id,
          sessionVersion: (user as { sessionVersion?: number }).sessionVersion,
          authTime: Math.floor(Date.now() / 1000),
          sid: randomUUID(),
        };
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } } as typeof session;
    },
    redirect({ url, baseUrl }) {
      // Only ever back into the app.
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      return new URL(url).origin === baseUrl ? url : baseUrl;
    },
  },
  events: {
    async signOut({ token }) {
      const session = validSession(token);
      if (session) await recordSignOut(session);
    },
  },
};
