import type { APIRequestContext } from "@playwright/test";
import { totpCode } from "../../lib/auth/totp";
import type { Subject } from "../../tests/permission-matrix";
import { AUTH_DIR, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "./constants";

export const DEMO_EMAIL: Record<Exclude<Subject, "signedOut" | "delegateARevoked">, string> = {
  observer: "observer@demo.tanfeeth.org",
  delegateA: "delegate.qa@demo.tanfeeth.org",
  delegateB: "delegate.dz@demo.tanfeeth.org",
  secretariat: "secretariat@demo.tanfeeth.org",
  admin: "admin@demo.tanfeeth.org",
};

export const storageStateOf = (subject: Subject) => `${AUTH_DIR}/${subject}.json`;

/** A TOTP code for the demo admin/secretariat; `stepsAhead` gives a code not yet used this period. */
export function demoTotp(stepsAhead = 0): string {
  return totpCode(DEMO_TOTP_SECRET, Date.now() + stepsAhead * 30_000);
}

/** Signs in the way scripts do: next-auth's CSRF token, then the credentials callback. */
export async function signInOverHttp(
  request: APIRequestContext,
  credentials: { email: string; password?: string; totp?: string },
) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken,
      email: credentials.email,
      password: credentials.password ?? DEMO_PASSWORD,
      totp: credentials.totp ?? "",
      json: "true",
    },
    maxRedirects: 0,
  });
}
