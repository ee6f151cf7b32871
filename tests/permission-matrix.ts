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

export function rule(ok: Subject[], refused: Exclude<Outcome, "ok" | "unauthenticated">): Rule {
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
/** Country data shared with everyone signed in; refused as if it did not exist. */
export const sharedData = rule(EVERYONE_SIGNED_IN, "notFound");
/** Data of country A (delegate A's own country) that nobody else but the secretariat may read. */
export const countryAData = rule(["delegateA", "secretariat", "admin"], "notFound");
export const countryBData = rule(["delegateB", "secretariat", "admin"], "notFound");
const delegatesPage = rule(["delegateA", "delegateB"], "notFound");
const delegates = rule(["delegateA", "delegateB"], "forbidden");
const staff = rule(["secretariat", "admin"], "forbidden");
const delegatesAndStaff = rule(["delegateA", "delegateB", "secretariat", "admin"], "forbidden");
/** Writing for country A: its delegate; another country's delegate and everyone else are refused (403). */
const countryAWriter = rule(["delegateA"], "forbidden");
/** The secretariat and admins: sessions, commitments, themes, the importer, rounds, reminders. */
export const staffOnly = rule(["secretariat", "admin"], "forbidden");
export const staffPage = rule(["secretariat", "admin"], "notFound");

export type RouteCase = {
  /** The route file's path as Next names it: /api/v1/me */
  route: string;
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** A concrete request. */
  path: string;
  body?: unknown;
  /** What an allowed caller gets (default 200): write probes carry invalid input and get 400. */
  okStatus?: number;
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

const UUID = "00000000-0000-7000-8000-000000000000";

// Pairs whose history makes a rule visible. In the demo data (prisma/seed-data/demo.ts, and
// arranged alike by tests/permission-matrix.integration.test.ts): every report of A on 35/1 and
// of B on 35/8 is RESTRICTED; A's 35/6 has a report published to observers.
export const PAIR_A_RESTRICTED = { country: COUNTRY_A, code: "35/1" };
export const PAIR_B_RESTRICTED = { country: COUNTRY_B, code: "35/8" };
export const PAIR_A_PUBLISHED = { country: COUNTRY_A, code: "35/6" };
const pairPath = (pair: { country: string; code: string }) => `/en/countries/${pair.country}/commitments/${pair.code}`;
const pairApi = (pair: { country: string; code: string }) => `/api/v1/countries/${pair.country}/reports?commitment=${pair.code}`;

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
  { route: "/api/v1/countries/[code]/reports", method: "GET", path: pairApi(PAIR_A_RESTRICTED), resource: "A's restricted pair", expect: countryAData },
  { route: "/api/v1/countries/[code]/reports", method: "GET", path: pairApi(PAIR_B_RESTRICTED), resource: "B's restricted pair", expect: countryBData },
  { route: "/api/v1/countries/[code]/reports", method: "GET", path: pairApi(PAIR_A_PUBLISHED), resource: "A's published pair", expect: sharedData },
  {
    route: "/api/v1/reports",
    method: "POST",
    path: "/api/v1/reports",
    body: { commitment: "35/1", country: COUNTRY_A, status: "NOT-A-STATUS", baseVersion: 0 },
    okStatus: 400,
    resource: "a report for country A",
    expect: countryAWriter,
  },
  {
    route: "/api/v1/reports/[id]/review",
    method: "POST",
    path: `/api/v1/reports/${UUID}/review`,
    body: { decision: "MAYBE" },
    okStatus: 400,
    resource: "a review",
    expect: staff,
  },
  {
    route: "/api/v1/assessments",
    method: "PUT",
    path: "/api/v1/assessments",
    body: { commitment: "35/1", country: COUNTRY_A, score: 5 },
    okStatus: 400,
    resource: "an assessment",
    expect: staff,
  },
  // An evidence file that does not exist answers like one the caller may not read.
  { route: "/api/v1/evidence/[id]", method: "GET", path: `/api/v1/evidence/${UUID}`, resource: "an evidence file", expect: rule([], "notFound") },
  {
    route: "/api/v1/import/proposals",
    method: "POST",
    path: "/api/v1/import/proposals",
    body: { text: "اتفق الوزراء على تعزيز الرقابة على الحدود. وأشاد المجلس بجهود الأمانة." },
    resource: "the communiqué importer",
    expect: staffOnly,
  },
  { route: "/api/v1/audit-log", method: "GET", path: "/api/v1/audit-log?action=auth.", resource: "the audit log", expect: adminOnly },
  {
    route: "/api/v1/audit-log/export",
    method: "GET",
    path: "/api/v1/audit-log/export?action=user.",
    resource: "the audit log as CSV",
    expect: adminOnly,
    contentType: "text/csv",
  },
  { route: "/api/v1/dashboard", method: "GET", path: "/api/v1/dashboard?session=35", resource: "dashboard of session 35 (JSON)", expect: signedIn },
  { route: "/api/[...rest]", method: "GET", path: "/api/v1/no-such-resource", resource: "an unknown API path (JSON, never HTML)", expect: rule([], "notFound") },
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
  { file: "lib/actions/users.ts", action: "resetTwoFactorAction", page: "/en/admin/users", probe: { userId: UUID }, expect: adminOnly },
  { file: "lib/actions/reports.ts", action: "saveReportAction", page: pairPath(PAIR_A_RESTRICTED), probe: { intent: "submit", commitment: "x" }, expect: delegates },
  { file: "lib/actions/reports.ts", action: "removeEvidenceFileAction", page: pairPath(PAIR_A_RESTRICTED), probe: { fileId: "x" }, expect: delegates },
  { file: "lib/actions/reviews.ts", action: "reviewReportAction", page: pairPath(PAIR_A_RESTRICTED), probe: { reportId: "x" }, expect: staff },
  { file: "lib/actions/assessments.ts", action: "recordAssessmentAction", page: pairPath(PAIR_A_RESTRICTED), probe: { commitment: "x" }, expect: staff },
  { file: "lib/actions/comments.ts", action: "addCommentAction", page: pairPath(PAIR_A_RESTRICTED), probe: { body: "" }, expect: delegatesAndStaff },
  { file: "lib/actions/users.ts", action: "handOverCountryAction", page: "/en/admin/users", probe: { countryCode: "x" }, expect: adminOnly },
  { file: "lib/actions/council-sessions.ts", action: "createSessionAction", page: "/en/admin/sessions", probe: { number: "x" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "updateSessionAction", page: "/en/admin/sessions/35", probe: { sessionNumber: "x" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "updateCommuniqueAction", page: "/en/admin/sessions/35/import", probe: { sessionNumber: "x" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "createCommitmentAction", page: "/en/admin/sessions/35", probe: { sessionNumber: "x" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "updateCommitmentAction", page: "/en/admin/commitments/35/6", probe: { commitmentId: "x" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "deleteCommitmentAction", page: "/en/admin/commitments/35/6", probe: { commitmentId: "x" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "withdrawCommitmentAction", page: "/en/admin/commitments/35/6", probe: { commitmentId: UUID, reason: "" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "reinstateCommitmentAction", page: "/en/admin/commitments/35/6", probe: { commitmentId: "x" }, expect: staffOnly },
  // No commitment ticked: invalid.
  { file: "lib/actions/council-sessions.ts", action: "carryOverAction", page: "/en/admin/sessions/35", probe: { sessionNumber: "35" }, expect: staffOnly },
  { file: "lib/actions/council-sessions.ts", action: "importCommitmentsAction", page: "/en/admin/sessions/35/import", probe: { sessionNumber: "35", items: "not json" }, expect: staffOnly },
  { file: "lib/actions/themes.ts", action: "createThemeAction", page: "/en/admin/themes", probe: { key: "Not a key!" }, expect: staffOnly },
  { file: "lib/actions/themes.ts", action: "updateThemeAction", page: "/en/admin/themes", probe: { themeId: "x" }, expect: staffOnly },
  { file: "lib/actions/rounds.ts", action: "createRoundAction", page: "/en/admin/rounds", probe: { sessionNumber: "x" }, expect: staffOnly },
  { file: "lib/actions/rounds.ts", action: "updateRoundAction", page: "/en/admin/rounds", probe: { roundId: "x" }, expect: staffOnly },
  // Posted to the page that renders its form (a page only reaches the actions it imports).
  { file: "lib/actions/rounds.ts", action: "sendRemindersAction", page: `/en/admin/rounds/${UUID}`, probe: { roundId: "x" }, expect: staffOnly },
  // Everyone marks their own notifications read (another user's is "not found").
  { file: "lib/actions/notifications.ts", action: "markNotificationsReadAction", page: "/en/notifications", probe: { notificationId: "x" }, expect: signedIn },
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
  { page: "/[locale]/my-country", path: "/en/my-country", expect: delegatesPage },
  { page: "/[locale]/review", path: "/en/review", expect: staffPage },
  { page: "/[locale]/countries/[code]/commitments/[session]/[number]", path: pairPath(PAIR_A_RESTRICTED), expect: countryAData },
  { page: "/[locale]/countries/[code]/commitments/[session]/[number]", path: pairPath(PAIR_B_RESTRICTED), expect: countryBData },
  { page: "/[locale]/countries/[code]/commitments/[session]/[number]", path: pairPath(PAIR_A_PUBLISHED), expect: sharedData },
  { page: "/[locale]/admin/audit", path: "/en/admin/audit", expect: adminPage },
  { page: "/[locale]/admin/sessions", path: "/en/admin/sessions", expect: staffPage },
  { page: "/[locale]/admin/sessions/[number]", path: "/en/admin/sessions/35", expect: staffPage },
  { page: "/[locale]/admin/sessions/[number]/import", path: "/en/admin/sessions/35/import", expect: staffPage },
  { page: "/[locale]/admin/commitments/[session]/[number]", path: "/en/admin/commitments/35/6", expect: staffPage },
  { page: "/[locale]/admin/themes", path: "/en/admin/themes", expect: staffPage },
  { page: "/[locale]/admin/rounds", path: "/en/admin/rounds", expect: staffPage },
  // The demo data has no round: every caller gets 404 here; e2e/secretariat-rounds.spec.ts opens a real one.
  { page: "/[locale]/admin/rounds/[id]", path: `/en/admin/rounds/${UUID}`, expect: rule([], "notFound") },
  { page: "/[locale]/notifications", path: "/en/notifications", expect: signedInPage },
  { page: "/[locale]/sign-in", path: "/en/sign-in", expect: PUBLIC },
  { page: "/[locale]/set-password/[token]", path: "/en/set-password/not-a-token", expect: PUBLIC },
  // Unknown paths under a locale: the 404 page for those signed in.
  { page: "/[locale]/[...rest]", path: "/en/no-such-page", expect: rule([], "notFound") },
];
