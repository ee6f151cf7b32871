// The data layer against the permission matrix's subjects: every guarded operation is tried
// by every subject; refused ones throw and leave the database exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSessionToken } from "@/lib/auth/session";
import { getCommitmentByCode } from "@/lib/data/commitments";
import { getDashboard as getDashboardView } from "@/lib/data/dashboard";
import { createUser as adminCreateUser, issuePasswordLink, listUsers, setUserActive, updateUser } from "@/lib/data/users";
import { signOutEverywhere } from "@/lib/data/accounts";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { recordAssessment } from "@/lib/data/assessments";
import { addComment } from "@/lib/data/comments";
import { storePendingEvidence } from "@/lib/data/evidence";
import { saveDraft, submitReport } from "@/lib/data/reports";
import { reviewReport } from "@/lib/data/reviews";
import { ACCEPTED_SAMPLES } from "./evidence-samples";
import { GET as getCommitments } from "@/app/api/v1/commitments/route";
import { GET as getDashboard } from "@/app/api/v1/dashboard/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { PUT as putAssessment } from "@/app/api/v1/assessments/route";
import { GET as getPairReports } from "@/app/api/v1/countries/[code]/reports/route";
import { GET as getEvidence } from "@/app/api/v1/evidence/[id]/route";
import { POST as postReview } from "@/app/api/v1/reports/[id]/review/route";
import { POST as postReport } from "@/app/api/v1/reports/route";
import { GET as getAuditLog } from "@/app/api/v1/audit-log/route";
import { GET as exportAuditLog } from "@/app/api/v1/audit-log/export/route";
import { POST as proposeCommitments } from "@/app/api/v1/import/proposals/route";
import { exportAuditLogCsv, listAuditLog } from "@/lib/data/audit-log";
import {
  carryOverCommitments,
  createCommitment,
  createCouncilSession,
  deleteCommitment,
  getCouncilSession,
  listCarryOverCandidates,
  listCouncilSessions,
  reinstateCommitment,
  updateCommitment,
  updateCommunique,
  updateCouncilSession,
  withdrawCommitment,
} from "@/lib/data/council-sessions";
import { createCommitmentsFromImport, proposeFromText } from "@/lib/data/import";
import { listLineage } from "@/lib/data/lineage";
import { sendReminders } from "@/lib/data/reminders";
import { createRound, getRound, listRoundFigures, listRoundGaps, todayUtc, updateRound } from "@/lib/data/rounds";
import { createTheme, listThemeKeywords, listThemes, updateTheme } from "@/lib/data/themes";
import { handOverCountry, listActiveDelegates } from "@/lib/data/users";
import type { CommitmentInput } from "@/lib/validation/council-sessions";
import { AuditLogFilterSchema } from "@/lib/validation/audit-log";
import { apiRequest, noParams, sessionToken } from "./auth";
import { commitmentId, createUser, recordReport } from "./factories";
import {
  COUNTRY_A,
  COUNTRY_B,
  PAIR_A_PUBLISHED,
  PAIR_A_RESTRICTED,
  PAIR_B_RESTRICTED,
  SUBJECTS,
  adminOnly,
  routes,
  rule,
  signedIn,
  staffOnly,
  type Rule,
  type Subject,
} from "./permission-matrix";

type Signed = Exclude<Subject, "signedOut" | "delegateARevoked">;
const actors = {} as Record<Signed, Actor>;
const signedSubjects = SUBJECTS.filter((s): s is Signed => s !== "signedOut" && s !== "delegateARevoked");
let revokedToken: string;

async function digest(): Promise<string> {
  const [row] = await db.$queryRaw<{ digest: string }[]>`
    SELECT md5(coalesce(string_agg(t, '|' ORDER BY t), '')) AS digest FROM (
      SELECT row_to_json(u)::text AS t FROM app_user u
      UNION ALL SELECT row_to_json(p)::text FROM password_token p
      UNION ALL SELECT row_to_json(a)::text FROM audit_log a
      UNION ALL SELECT row_to_json(s)::text FROM council_session s
      UNION ALL SELECT row_to_json(c)::text FROM commitment c
      UNION ALL SELECT row_to_json(t)::text FROM theme t
      UNION ALL SELECT row_to_json(r)::text FROM reporting_round r
      UNION ALL SELECT row_to_json(n)::text FROM notification n
      UNION ALL SELECT row_to_json(d)::text FROM reminder_digest d
      UNION ALL SELECT row_to_json(r)::text FROM report r
      UNION ALL SELECT row_to_json(r)::text FROM report_draft r
      UNION ALL SELECT row_to_json(r)::text FROM review r
      UNION ALL SELECT row_to_json(a)::text FROM assessment a
      UNION ALL SELECT row_to_json(c)::text FROM comment c
      UNION ALL SELECT row_to_json(e)::text FROM evidence_file e
      UNION ALL SELECT row_to_json(p)::text FROM pair_status p
    ) rows`;
  return row!.digest;
}

beforeAll(async () => {
  actors.observer = await createUser({ role: "OBSERVER" });
  actors.delegateA = await createUser({ role: "DELEGATE", countryCode: COUNTRY_A });
  actors.delegateB = await createUser({ role: "DELEGATE", countryCode: COUNTRY_B });
  actors.secretariat = await createUser({ role: "SECRETARIAT" });
  actors.admin = await createUser({ role: "ADMIN" });
  const revoked = await createUser({ role: "DELEGATE", countryCode: COUNTRY_A });
  revokedToken = await sessionToken(revoked.id);
  await signOutEverywhere(revoked, null);
});

describe("a revoked session", () => {
  it("resolves to no actor at all, so no data-layer call can be made for it", async () => {
    expect(await actorFromSessionToken(revokedToken)).toBeNull();
  });
});

describe("user administration in the data layer", () => {
  const cases: { name: string; rule: Rule; run: (actor: Actor) => Promise<unknown> }[] = [
    { name: "listUsers", rule: adminOnly, run: (actor) => listUsers(actor) },
    {
      name: "createUser",
      rule: adminOnly,
      run: (actor) =>
        adminCreateUser(actor, { email: `made.by.${actor.role.toLowerCase()}.${Date.now()}@test.tanfeeth.org`, name: "X", role: "OBSERVER", countryCode: null }, null),
    },
    {
      name: "updateUser",
      rule: adminOnly,
      run: (actor) => updateUser(actor, actors.delegateB.id, { name: "Renamed", role: "DELEGATE", countryCode: COUNTRY_B }, null),
    },
    { name: "setUserActive", rule: adminOnly, run: (actor) => setUserActive(actor, actors.observer.id, true, null) },
    { name: "issuePasswordLink", rule: adminOnly, run: (actor) => issuePasswordLink(actor, actors.observer.id, null) },
  ];

  for (const { name, rule, run } of cases) {
    for (const subject of SUBJECTS.filter((s): s is Signed => s !== "signedOut" && s !== "delegateARevoked")) {
      it(`${name} as ${subject}: ${rule[subject]}`, async () => {
        if (rule[subject] === "ok") {
          await expect(run(actors[subject])).resolves.not.toThrow();
        } else {
          const before = await digest();
          await expect(run(actors[subject])).rejects.toBeInstanceOf(ForbiddenError);
          expect(await digest()).toBe(before);
        }
      });
    }
  }
});

describe("a commitment's member-state statuses, by report visibility", () => {
  beforeAll(async () => {
    await recordReport({ code: "35/3", country: COUNTRY_A, status: "COMPLETE", authorId: actors.delegateA.id, visibility: "RESTRICTED" });
    await recordReport({ code: "35/3", country: COUNTRY_B, status: "LIMITED", authorId: actors.delegateB.id, visibility: "MEMBERS" });
    await recordReport({ code: "35/3", country: "MA", status: "SUBSTANTIAL", authorId: actors.delegateB.id, visibility: "OBSERVERS" });
  });

  const expected: Record<Signed, Record<string, string>> = {
    observer: { [COUNTRY_A]: "WITHHELD", [COUNTRY_B]: "WITHHELD", MA: "SUBSTANTIAL" },
    delegateA: { [COUNTRY_A]: "COMPLETE", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
    delegateB: { [COUNTRY_A]: "WITHHELD", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
    secretariat: { [COUNTRY_A]: "COMPLETE", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
    admin: { [COUNTRY_A]: "COMPLETE", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
  };
  for (const [subject, statuses] of Object.entries(expected) as [Signed, Record<string, string>][]) {
    it(`as ${subject}`, async () => {
      const detail = await getCommitmentByCode(actors[subject], "35/3");
      const byCountry = Object.fromEntries(detail!.countries.map((c) => [c.country.code, c.status]));
      for (const [country, status] of Object.entries(statuses)) expect(byCountry[country], country).toBe(status);
    });
    it(`as ${subject}, on the dashboard`, async () => {
      const view = await getDashboardView(actors[subject], { session: 35, theme: "terrorism-financing", disagreements: false, overdue: false });
      const byCountry = Object.fromEntries(view.cells.map((c) => [c.country, c.status]));
      for (const [country, status] of Object.entries(statuses)) expect(byCountry[country], country).toBe(status);
      // Three reports, of which at most two are withheld: the commitment's figures are shown only to those who see them all.
      const hidden = Object.values(statuses).filter((s) => s === "WITHHELD").length;
      expect(view.rollups.commitments["35/3"]!.withheld).toBe(hidden > 0);
    });
  }
});

describe("route handlers, called with each subject's session cookie", () => {
  const handlers: Record<string, typeof getMe> = {
    "/api/v1/me": getMe,
    "/api/v1/commitments": getCommitments,
    "/api/v1/import/proposals": proposeCommitments,
    "/api/v1/audit-log": getAuditLog,
    "/api/v1/audit-log/export": exportAuditLog,
    "/api/v1/dashboard": getDashboard,
  };
  const STATUS = { ok: 200, unauthenticated: 401, forbidden: 403, notFound: 404 } as const;
  for (const route of routes.filter((r) => handlers[r.route])) {
    for (const subject of SUBJECTS) {
      it(`${route.method} ${route.path} as ${subject}`, async () => {
        const init = { method: route.method, ...(route.body === undefined ? {} : { body: route.body }) };
        const request =
          subject === "signedOut"
            ? await apiRequest(route.path, null, init)
            : subject === "delegateARevoked"
              ? await apiRequest(route.path, null, { ...init, headers: { cookie: `next-auth.session-token=${revokedToken}` } })
              : await apiRequest(route.path, actors[subject].id, init);
        const response = await handlers[route.route]!(request, noParams);
        expect(response.status).toBe(STATUS[route.expect[subject]]);
      });
    }
  }
  it("covers the API routes whose rule is `signedIn`, `staffOnly` or `adminOnly`", () => {
    expect(routes.filter((r) => [signedIn, staffOnly, adminOnly].includes(r.expect)).every((r) => handlers[r.route])).toBe(true);
  });
});

describe("the secretariat's data layer", () => {
  type Signed = Exclude<Subject, "signedOut" | "delegateARevoked">;
  const index = (subject: Signed) => signedSubjects.indexOf(subject) + 1;
  const ids: Record<string, string> = {};
  let roundId: string;
  const filter = AuditLogFilterSchema.parse({});
  const words = (code: string): CommitmentInput => ({
    code,
    themeKey: "border-control",
    titleAr: "عنوان",
    titleEn: "Title",
    textAr: "نص",
    textEn: "Text",
    sourceAr: "",
    dueDate: null,
    dueDaysBeforeNextSession: null,
    previous: null,
  });
  const sessionInput = (number: number) => ({
    number,
    cityAr: "مدينة",
    cityEn: "City",
    titleAr: `الدورة ${number}`,
    titleEn: `Session ${number}`,
    startsOn: new Date(`${2000 + number}-01-01T00:00:00Z`),
    endsOn: null,
    communiqueAr: "اتفق الوزراء على تعزيز الرقابة على الحدود.",
    communiqueEn: "",
  });

  beforeAll(async () => {
    const admin = actors.admin;
    await createCouncilSession(admin, sessionInput(69), null);
    await createCouncilSession(admin, sessionInput(70), null);
    for (const subject of signedSubjects) {
      const k = index(subject);
      ids[`carry-${subject}`] = (await createCommitment(admin, 69, words(`69/${k}`), null)).id;
      ids[`delete-${subject}`] = (await createCommitment(admin, 70, words(`70/${50 + k}`), null)).id;
    }
    ids.edit = (await createCommitment(admin, 70, words("70/40"), null)).id;
    const today = todayUtc();
    roundId = (await createRound(admin, { sessionNumber: 35, name: "Matrix round", opensOn: today, closesOn: today }, null)).id;
    ids.theme = (await db.theme.findUniqueOrThrow({ where: { key: "drug-trafficking" } })).id;
  });

  const cases: { name: string; rule: Rule; run: (actor: Actor, subject: Signed) => Promise<unknown> }[] = [
    { name: "listCouncilSessions", rule: staffOnly, run: (a) => listCouncilSessions(a) },
    { name: "getCouncilSession", rule: staffOnly, run: (a) => getCouncilSession(a, 35) },
    { name: "createCouncilSession", rule: staffOnly, run: (a, s) => createCouncilSession(a, sessionInput(80 + index(s)), null) },
    { name: "updateCouncilSession", rule: staffOnly, run: (a) => updateCouncilSession(a, { ...sessionInput(70), sessionNumber: 70 }, null) },
    { name: "updateCommunique", rule: staffOnly, run: (a) => updateCommunique(a, { sessionNumber: 70, language: "en", text: "The ministers agreed." }, null) },
    { name: "createCommitment", rule: staffOnly, run: (a, s) => createCommitment(a, 70, words(`70/${10 + index(s)}`), null) },
    { name: "updateCommitment", rule: staffOnly, run: (a) => updateCommitment(a, ids.edit!, words("70/40"), null) },
    {
      name: "withdrawCommitment and reinstateCommitment",
      rule: staffOnly,
      run: async (a) => {
        await withdrawCommitment(a, ids.edit!, "matrix", null);
        await reinstateCommitment(a, ids.edit!, null);
      },
    },
    { name: "deleteCommitment", rule: staffOnly, run: (a, s) => deleteCommitment(a, ids[`delete-${s}`]!, null) },
    { name: "listCarryOverCandidates", rule: staffOnly, run: (a) => listCarryOverCandidates(a, 70) },
    { name: "carryOverCommitments", rule: staffOnly, run: (a, s) => carryOverCommitments(a, 70, [ids[`carry-${s}`]!], null) },
    { name: "proposeFromText", rule: staffOnly, run: (a) => proposeFromText(a, "اتفق الوزراء على تعزيز الرقابة على الحدود.") },
    {
      name: "createCommitmentsFromImport",
      rule: staffOnly,
      run: (a, s) => createCommitmentsFromImport(a, 70, [{ ...words(`70/${20 + index(s)}`) }], null),
    },
    { name: "listThemes", rule: signedIn, run: (a) => listThemes(a) },
    { name: "listThemeKeywords", rule: staffOnly, run: (a) => listThemeKeywords(a) },
    {
      name: "createTheme",
      rule: staffOnly,
      run: (a, s) => createTheme(a, { key: `matrix-${s.toLowerCase()}`, nameAr: "محور", nameEn: "Theme", keywords: [], sortOrder: null }, null),
    },
    {
      name: "updateTheme",
      rule: staffOnly,
      run: (a) => updateTheme(a, { themeId: ids.theme!, nameAr: "مكافحة تهريب المخدرات", nameEn: "Drug trafficking", keywords: ["المخدرات", "drugs"], sortOrder: null }, null),
    },
    { name: "listLineage", rule: signedIn, run: async (a) => listLineage(a, await commitmentId("35/1")) },
    { name: "listRoundFigures", rule: signedIn, run: (a) => listRoundFigures(a) },
    { name: "getRound", rule: signedIn, run: (a) => getRound(a, roundId) },
    { name: "listRoundGaps", rule: signedIn, run: (a) => listRoundGaps(a, [roundId]) },
    {
      name: "createRound",
      rule: staffOnly,
      run: (a) => createRound(a, { sessionNumber: 35, name: "x", opensOn: new Date("2030-01-01T00:00:00Z"), closesOn: new Date("2030-02-01T00:00:00Z") }, null),
    },
    {
      name: "updateRound",
      rule: staffOnly,
      run: (a) => updateRound(a, { roundId, name: "Matrix round", opensOn: todayUtc(), closesOn: todayUtc() }, null),
    },
    { name: "sendReminders", rule: staffOnly, run: (a) => sendReminders(a, { roundId, countryCode: COUNTRY_B }, null, { mailer: null }) },
    { name: "listAuditLog", rule: adminOnly, run: (a) => listAuditLog(a, filter) },
    { name: "exportAuditLogCsv", rule: adminOnly, run: (a) => exportAuditLogCsv(a, filter, null) },
    { name: "listActiveDelegates", rule: adminOnly, run: (a) => listActiveDelegates(a) },
    {
      name: "handOverCountry",
      rule: adminOnly,
      run: (a, s) => handOverCountry(a, { countryCode: "OM", newDelegate: { email: `om.${s.toLowerCase()}@test.tanfeeth.org`, name: "OM" }, deactivatePrevious: false }, null),
    },
  ];

  for (const { name, rule, run } of cases) {
    for (const subject of signedSubjects) {
      it(`${name} as ${subject}: ${rule[subject]}`, async () => {
        if (rule[subject] === "ok") {
          await expect(run(actors[subject], subject)).resolves.not.toThrow();
        } else {
          const before = await digest();
          await expect(run(actors[subject], subject)).rejects.toBeInstanceOf(ForbiddenError);
          expect(await digest()).toBe(before);
        }
      });
    }
  }
});

describe("reporting in the data layer, with valid input", () => {
  // Each subject allowed to review gets its own pair to decide on (a report is decided once).
  const reviewTargets = {} as Record<Signed, string>;
  const versionOf = async (code: string, country: string) =>
    (await db.pairStatus.findFirst({ where: { commitment: { code }, countryCode: country }, select: { version: true } }))?.version ?? 0;
  const writers = rule(["delegateA"], "forbidden");
  const delegates = rule(["delegateA", "delegateB"], "forbidden");
  const countryAThread = rule(["delegateA", "secretariat", "admin"], "forbidden");

  beforeAll(async () => {
    const bahrain = await createUser({ role: "DELEGATE", countryCode: "BH" });
    for (const [i, subject] of signedSubjects.entries()) {
      reviewTargets[subject] = (await recordReport({ code: `35/${i + 1}`, country: "BH", status: "LIMITED", authorId: bahrain.id })).id;
    }
  });

  const cases: { name: string; rule: Rule; run: (actor: Actor, subject: Signed) => Promise<unknown> }[] = [
    {
      name: "submitReport for country A",
      rule: writers,
      run: async (a) =>
        submitReport(
          a,
          { commitment: "35/2", country: COUNTRY_A, status: "LIMITED", notApplicableReason: null, narrative: "valid", evidenceLinks: [], visibility: "RESTRICTED", baseVersion: await versionOf("35/2", COUNTRY_A) },
          null,
        ),
    },
    {
      name: "saveDraft",
      rule: delegates,
      run: (a) => saveDraft(a, { commitment: "35/2", baseVersion: 0, status: null, notApplicableReason: null, narrative: "draft", evidenceLinks: [], visibility: "RESTRICTED" }, null),
    },
    { name: "storePendingEvidence", rule: delegates, run: (a) => storePendingEvidence(a, "35/2", [{ name: "plan.pdf", bytes: ACCEPTED_SAMPLES.pdf!.bytes }], null) },
    { name: "reviewReport", rule: staffOnly, run: (a, s) => reviewReport(a, reviewTargets[s], { decision: "VALIDATE", comment: "" }, null) },
    { name: "recordAssessment", rule: staffOnly, run: (a) => recordAssessment(a, { commitment: "35/2", country: COUNTRY_A, score: 0, rationale: "valid" }, null) },
    { name: "addComment on country A's pair", rule: countryAThread, run: (a) => addComment(a, { commitment: "35/2", country: COUNTRY_A, body: "valid" }, null) },
  ];

  for (const { name, rule: expected, run } of cases) {
    for (const subject of signedSubjects) {
      it(`${name} as ${subject}: ${expected[subject]}`, async () => {
        if (expected[subject] === "ok") {
          await expect(run(actors[subject], subject)).resolves.not.toThrow();
        } else {
          const before = await digest();
          // Another country's pair may also be refused as if it did not exist (404).
          const error = await run(actors[subject], subject).catch((e: unknown) => e);
          expect(error instanceof ForbiddenError || error instanceof NotFoundError, String(error)).toBe(true);
          expect(await digest()).toBe(before);
        }
      });
    }
  }
});

describe("reporting route handlers, on the matrix's pairs arranged as in the demo data", () => {
  type Handler = (request: import("next/server").NextRequest, context: { params: Promise<never> }) => Promise<Response>;
  // Route file → handler and the dynamic segments of a concrete path.
  const handlers: Record<string, { handler: Handler; params: (path: string) => Record<string, string> }> = {
    "/api/v1/countries/[code]/reports": { handler: getPairReports as Handler, params: (path) => ({ code: path.split("/")[4]! }) },
    "/api/v1/reports": { handler: postReport as Handler, params: () => ({}) },
    "/api/v1/reports/[id]/review": { handler: postReview as Handler, params: (path) => ({ id: path.split("/")[4]! }) },
    "/api/v1/assessments": { handler: putAssessment as Handler, params: () => ({}) },
    "/api/v1/evidence/[id]": { handler: getEvidence as Handler, params: (path) => ({ id: path.split("/")[4]! }) },
  };
  const STATUS = { ok: 200, unauthenticated: 401, forbidden: 403, notFound: 404 } as const;

  beforeAll(async () => {
    await recordReport({ code: PAIR_A_RESTRICTED.code, country: COUNTRY_A, status: "LIMITED", authorId: actors.delegateA.id, visibility: "RESTRICTED" });
    await recordReport({ code: PAIR_B_RESTRICTED.code, country: COUNTRY_B, status: "LIMITED", authorId: actors.delegateB.id, visibility: "RESTRICTED" });
    await recordReport({ code: PAIR_A_PUBLISHED.code, country: COUNTRY_A, status: "LIMITED", authorId: actors.delegateA.id, visibility: "OBSERVERS" });
    await recordReport({ code: PAIR_A_PUBLISHED.code, country: COUNTRY_A, status: "SUBSTANTIAL", authorId: actors.delegateA.id, visibility: "RESTRICTED" });
  });

  for (const route of routes.filter((r) => handlers[r.route])) {
    for (const subject of SUBJECTS) {
      it(`${route.method} ${route.path} as ${subject}`, async () => {
        const init = { method: route.method, ...(route.body === undefined ? {} : { body: route.body }) };
        const request =
          subject === "signedOut"
            ? await apiRequest(route.path, null, init)
            : subject === "delegateARevoked"
              ? await apiRequest(route.path, null, { ...init, headers: { cookie: `next-auth.session-token=${revokedToken}` } })
              : await apiRequest(route.path, actors[subject].id, init);
        const { handler, params } = handlers[route.route]!;
        const before = await db.report.count();
        const response = await handler(request, { params: Promise.resolve(params(route.path.split("?")[0]!)) as Promise<never> });
        const outcome = route.expect[subject];
        expect(response.status).toBe(outcome === "ok" ? (route.okStatus ?? 200) : STATUS[outcome]);
        expect(await db.report.count()).toBe(before);
      });
    }
  }

  it("covers every reporting route of the matrix", () => {
    const reporting = routes.filter((r) => /^\/api\/v1\/(countries|reports|assessments|evidence)/.test(r.route));
    expect(reporting.length).toBeGreaterThan(0);
    expect(reporting.every((r) => handlers[r.route])).toBe(true);
  });
});
