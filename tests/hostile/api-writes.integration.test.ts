// Threats: hostile JSON bodies and path parameters to the API's write routes (reports,
// reviews, assessments, the importer) that crash them (a 500 instead of a 400), write half
// of a change, or get past the schema into PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { PUT as putAssessment } from "@/app/api/v1/assessments/route";
import { POST as postProposals } from "@/app/api/v1/import/proposals/route";
import { POST as postReview } from "@/app/api/v1/reports/[id]/review/route";
import { POST as postReport } from "@/app/api/v1/reports/route";
import { db } from "@/lib/db";
import { ProposalsRequestSchema } from "@/lib/validation/council-sessions";
import { AssessmentSchema, ReportSubmissionSchema, ReviewSchema } from "@/lib/validation/reports";
import { recordReport } from "@/tests/factories";
import { closeFingerprintConnection } from "./fingerprint";
import { commitmentCode, pairOf, placeholder, PROPERTY_TIMEOUT, reportingCast, type TestUser } from "./fixtures";
import { checkRoute, checkRouteRefuses, type RouteHandler, type RouteInput, watchWrites } from "./harness";
import { hostileSegment, jsonBody } from "./requests";

let qa: TestUser;
let dz: TestUser;
let observer: TestUser;
let secretariat: TestUser;
let admin: TestUser;
let countries: string[];

beforeAll(async () => {
  ({ qa, dz, observer, secretariat, admin, countries } = await reportingCast());
});
beforeAll(watchWrites);
afterAll(closeFingerprintConnection);

/** The pair a body names, if it is a JSON object naming one. */
function pairIn(body: string | undefined) {
  try {
    const value = JSON.parse(body ?? "") as Record<string, unknown>;
    return pairOf(value.commitment, value.country);
  } catch {
    return null;
  }
}

/** Replaces a JSON string placeholder in the body by a JSON value. */
async function fillBody(input: RouteInput, name: string, make: () => Promise<unknown>): Promise<RouteInput> {
  const marker = JSON.stringify(placeholder(name));
  if (!input.body?.includes(marker)) return input;
  return { ...input, body: input.body.replaceAll(marker, JSON.stringify(await make())) };
}

describe("write routes of the API, with hostile input", () => {
  it("POST /api/v1/reports", { timeout: PROPERTY_TIMEOUT }, async () => {
    const body = jsonBody(ReportSubmissionSchema, {
      valid: {
        commitment: commitmentCode(),
        country: fc.constantFrom("QA", "qa", "DZ"),
        baseVersion: fc.oneof(fc.constant(placeholder("version")), fc.nat(3)),
        evidenceLinks: fc.array(fc.webUrl(), { maxLength: 3 }),
      },
    });
    await checkRoute({
      handler: postReport as RouteHandler,
      method: "POST",
      actors: [qa.id],
      writes: true,
      request: body.map((text) => ({ path: "/api/v1/reports", body: text })),
      prepare: (input) =>
        fillBody(input, "version", async () => {
          const pair = pairIn(input.body);
          if (!pair) return 0;
          const row = await db.pairStatus.findFirst({ where: { commitment: { code: pair.code }, countryCode: pair.country }, select: { version: true } });
          return row?.version ?? 0;
        }),
    });
  });

  it("POST /api/v1/reports/{id}/review", { timeout: PROPERTY_TIMEOUT }, async () => {
    let reports = 0;
    const id = fc.oneof({ weight: 3, arbitrary: fc.constant(placeholder("report")) }, fc.uuid(), hostileSegment);
    await checkRoute({
      handler: postReview as RouteHandler,
      method: "POST",
      actors: [secretariat.id, admin.id],
      writes: true,
      request: fc.tuple(id, jsonBody(ReviewSchema)).map(([reportId, text]) => ({ path: `/api/v1/reports/${reportId}/review`, params: { id: reportId }, body: text })),
      prepare: async (input) => {
        if (input.params?.id !== placeholder("report")) return input;
        const code = `35/${1 + (reports++ % 8)}`;
        const { id: reportId } = await recordReport({ code, country: "DZ", status: "SUBSTANTIAL", authorId: dz.id });
        return { ...input, path: `/api/v1/reports/${reportId}/review`, params: { id: reportId } };
      },
    });
  });

  it("PUT /api/v1/assessments", { timeout: PROPERTY_TIMEOUT }, async () => {
    const body = jsonBody(AssessmentSchema, {
      valid: {
        commitment: commitmentCode(),
        country: fc.constantFrom(...countries),
        baseAssessmentId: fc.constantFrom(null, placeholder("latest")),
      },
    });
    await checkRoute({
      handler: putAssessment as RouteHandler,
      method: "PUT",
      actors: [secretariat.id, admin.id],
      writes: true,
      request: body.map((text) => ({ path: "/api/v1/assessments", body: text })),
      prepare: (input) =>
        fillBody(input, "latest", async () => {
          const pair = pairIn(input.body);
          if (!pair) return null;
          const latest = await db.assessment.findFirst({
            where: { commitment: { code: pair.code }, countryCode: pair.country },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: { id: true },
          });
          return latest?.id ?? null;
        }),
    });
  });

  it("POST /api/v1/import/proposals (nothing stored)", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkRoute({
      handler: postProposals as RouteHandler,
      method: "POST",
      actors: [secretariat.id, admin.id],
      request: jsonBody(ProposalsRequestSchema).map((text) => ({ path: "/api/v1/import/proposals", body: text })),
    });
  });

  it("refuses callers without the right, whatever they send", { timeout: PROPERTY_TIMEOUT }, async () => {
    const cases: [RouteHandler, "POST" | "PUT", string, Parameters<typeof jsonBody>[0], (string | null)[]][] = [
      [postReport as RouteHandler, "POST", "/api/v1/reports", ReportSubmissionSchema, [null, observer.id, secretariat.id, admin.id]],
      [postReview as RouteHandler, "POST", "/api/v1/reports/00000000-0000-7000-8000-000000000000/review", ReviewSchema, [null, qa.id, observer.id]],
      [putAssessment as RouteHandler, "PUT", "/api/v1/assessments", AssessmentSchema, [null, qa.id, observer.id]],
      [postProposals as RouteHandler, "POST", "/api/v1/import/proposals", ProposalsRequestSchema, [null, qa.id, observer.id]],
    ];
    for (const [handler, method, path, schema, actors] of cases) {
      await checkRouteRefuses({
        handler,
        method,
        actors,
        statuses: [401, 403],
        request: jsonBody(schema).map((text) => ({ path, params: { id: "00000000-0000-7000-8000-000000000000" }, body: text })),
      });
    }
  });
});
