// The permission matrix: every route handler, server action and page of the app, and what
// each kind of caller may do with it. It drives the HTTP tests (e2e/permission-matrix.spec.ts),
// which also fail when the build contains a route, page or action that is not listed here.
// Data-layer rules are tested against the same subjects in
// tests/permission-matrix.integration.test.ts.

export const SUBJECTS = [
  "signedOut",
  "observer",
  "delegateA",
  "delegateARevoked",
  "delegateB",
  "secretariat",
  "admin",
] as const;
export type Subject = (typeof SUBJECTS)[number];

/** Delegate A's and delegate B's countries (demo accounts delegate.qa and delegate.dz). */
export const COUNTRY_A = "QA";
export const COUNTRY_B = "DZ";

/**
 * What a subject gets: `ok` (allowed), `unauthenticated` (sign in first: 401, or the sign-in
 * page), `forbidden` (403 in the API; an action's "forbidden" message), `notFound` (404:
 * another country's data, or a page the role may not know of).
 */
export type Outcome = "ok" | "unauthenticated" | "forbidden" | "notFound";
export type Rule = Record<Subject, Outcome>;

function rule(ok: Subject[], refused: Exclude<Outcome, "ok" | "unauthenticated">): Rule {
  return Object.fromEntries(
    SUBJECTS.map((subject) => [
      subject,
      ok.includes(subject) ? "ok" : subject === "signedOut" || subject === "delegateARevoked" ? "unauthenticated" : refused,
    ]),
  ) as Rule;
}

const EVERYONE_SIGNED_IN: Subject[] = ["observer", "delegateA", "delegateB", "secretariat", "admin"];
const PUBLIC: Rule = Object.fromEntries(SUBJECTS.map((s) => [s, "ok"])) as Rule;

export const signedIn = rule(EVERYONE_SIGNED_IN, "forbidden");
export const adminOnly = rule(["admin"], "forbidden");
export const adminPage = rule(["admin"], "notFound");
export const signedInPage = rule(EVERYONE_SIGNED_IN, "notFound");

export type RouteCase = {
  /** The route file's path as Next names it: /api/v1/me */
  route: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** A concrete request. */
  path: string;
  body?: unknown;
  resource: string;
  expect: Rule;
  /** The content type of an allowed answer, when it is not JSON (refusals are always JSON). */
  contentType?: string;
};

export type ActionCase = {
  file: string;
  action: string;
  /** A page that renders the action's form (the action is posted to it). */
  page: string;
  /**
   * Input that is invalid for the action, so that an allowed caller stops at validation
   * (after the permission check) and nothing changes.
   */
  probe: Record<string, string>;
  expect: Rule;
};

export type PageCase = {
  /** The page as Next names it: /[locale]/account */
  page: string;
  path: string;
  expect: Rule;
};

export const routes: RouteCase[] = [
  { route: "/api/health", method: "GET", path: "/api/health", resource: "service health", expect: PUBLIC },
  { route: "/api/auth/[...nextauth]", method: "GET", path: "/api/auth/csrf", resource: "next-auth", expect: PUBLIC },
  { route: "/api/v1/me", method: "GET", path: "/api/v1/me", resource: "own account", expect: signedIn },
  {
    route: "/api/v1/commitments",
    method: "GET",
    path: "/api/v1/commitments?session=35",
    resource: "commitments of session 35",
    expect: signedIn,
  },
  { route: "/api/v1/dashboard", method: "GET", path: "/api/v1/dashboard?session=35", resource: "dashboard of session 35 (JSON)", expect: signedIn },
  {
    route: "/api/v1/dashboard",
    method: "GET",
    path: "/api/v1/dashboard?session=35&format=csv",
    resource: "dashboard of session 35 (CSV)",
    expect: signedIn,
    contentType: "text/csv",
  },
  {
    route: "/api/v1/dashboard",
    method: "GET",
    path: `/api/v1/dashboard?session=35&country=${COUNTRY_A}&format=csv`,
    resource: "dashboard of session 35, country A (CSV)",
    expect: signedIn,
    contentType: "text/csv",
  },
  {
    route: "/api/v1/dashboard",
    method: "GET",
    path: `/api/v1/dashboard?session=35&country=${COUNTRY_B}`,
    resource: "dashboard of session 35, country B (JSON)",
    expect: signedIn,
  },
];

const UUID = "00000000-0000-7000-8000-000000000000";

export const actions: ActionCase[] = [
  { file: "lib/actions/account.ts", action: "changePasswordAction", page: "/en/account", probe: { currentPassword: "" }, expect: signedIn },
  { file: "lib/actions/account.ts", action: "signOutEverywhereAction", page: "/en/account", probe: { confirm: "no" }, expect: signedIn },
  { file: "lib/actions/account.ts", action: "startTotpEnrollmentAction", page: "/en/account", probe: {}, expect: signedIn },
  { file: "lib/actions/account.ts", action: "confirmTotpEnrollmentAction", page: "/en/account", probe: { code: "x" }, expect: signedIn },
  { file: "lib/actions/account.ts", action: "disableTotpAction", page: "/en/account", probe: { code: "x" }, expect: signedIn },
  // The one-time token in the link is the credential: anyone may try one.
  { file: "lib/actions/password-link.ts", action: "setPasswordAction", page: "/en/set-password/not-a-token", probe: { token: "x" }, expect: PUBLIC },
  { file: "lib/actions/users.ts", action: "createUserAction", page: "/en/admin/users", probe: { email: "x" }, expect: adminOnly },
  { file: "lib/actions/users.ts", action: "updateUserAction", page: "/en/admin/users", probe: { userId: "x" }, expect: adminOnly },
  { file: "lib/actions/users.ts", action: "setUserActiveAction", page: "/en/admin/users", probe: { userId: UUID }, expect: adminOnly },
  { file: "lib/actions/users.ts", action: "issuePasswordLinkAction", page: "/en/admin/users", probe: { userId: "x" }, expect: adminOnly },
];

export const pages: PageCase[] = [
  { page: "/[locale]", path: "/en", expect: signedInPage },
  { page: "/[locale]", path: `/en?session=35&country=${COUNTRY_A}`, expect: signedInPage },
  { page: "/[locale]", path: `/en?session=35&country=${COUNTRY_B}&status=LIMITED`, expect: signedInPage },
  { page: "/[locale]/commitments/[session]/[number]", path: "/en/commitments/35/6", expect: signedInPage },
  // Country scorecards: every member state's is readable by everyone signed in (aggregates,
  // and the details each viewer may see).
  { page: "/[locale]/countries/[code]", path: `/en/countries/${COUNTRY_A}`, expect: signedInPage },
  { page: "/[locale]/countries/[code]", path: `/en/countries/${COUNTRY_B}?session=35`, expect: signedInPage },
  { page: "/[locale]/account", path: "/en/account", expect: signedInPage },
  { page: "/[locale]/admin/users", path: "/en/admin/users", expect: adminPage },
  { page: "/[locale]/sign-in", path: "/en/sign-in", expect: PUBLIC },
  { page: "/[locale]/set-password/[token]", path: "/en/set-password/not-a-token", expect: PUBLIC },
  // Unknown paths under a locale: the 404 page for those signed in.
  { page: "/[locale]/[...rest]", path: "/en/no-such-page", expect: rule([], "notFound") },
];
