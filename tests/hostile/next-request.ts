// What Next.js hands a server action at run time — the request's cookies and headers, and a
// cache to refresh — for actions called directly in tests: only the framework is replaced, the
// session cookie is real and so is the database. Use from a test file:
//   vi.mock("next/headers", () => import("@/tests/hostile/next-request").then((m) => m.nextHeaders));
//   vi.mock("next/cache", () => import("@/tests/hostile/next-request").then((m) => m.nextCache));
import { sessionCookieName } from "@/lib/auth/session-policy";
import { secureCookies } from "@/lib/env";

export const actionRequest = {
  /** The session cookie's value (a real next-auth JWT), or null when signed out. */
  sessionToken: null as string | null,
  forwardedFor: "203.0.113.9",
};

const cookieName = () => sessionCookieName(secureCookies);

export const nextHeaders = {
  cookies: async () => {
    const cookie = () => (actionRequest.sessionToken ? { name: cookieName(), value: actionRequest.sessionToken } : undefined);
    return {
      get: (name: string) => (name === cookieName() ? cookie() : undefined),
      has: (name: string) => name === cookieName() && cookie() !== undefined,
      getAll: () => (cookie() ? [cookie()!] : []),
    };
  },
  headers: async () => new Headers({ "x-forwarded-for": actionRequest.forwardedFor }),
};

export const nextCache = {
  refresh: () => {},
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
};
