// Threats: hostile query strings and path parameters to the API's read routes that crash them
// (a 500 instead of a 400), reach PostgreSQL unchecked, or make a read write something.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { z } from "zod";
import { GET as exportAuditLog } from "@/app/api/v1/audit-log/export/route";
import { GET as getAuditLog } from "@/app/api/v1/audit-log/route";
import { GET as getCommitments } from "@/app/api/v1/commitments/route";
import { GET as getPair } from "@/app/api/v1/countries/[code]/reports/route";
import { GET as getDashboard } from "@/app/api/v1/dashboard/route";
import { GET as getEvidence } from "@/app/api/v1/evidence/[id]/route";
import { GET as unknownApiPath } from "@/app/api/[...rest]/route";
import { GET as getHealth } from "@/app/api/health/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { storePendingEvidence } from "@/lib/data/evidence";
import { submitReport } from "@/lib/data/reports";
import { AuditLogFilterSchema } from "@/lib/validation/audit-log";
import { SessionQuerySchema } from "@/lib/validation/commitment";
import { DashboardQuerySchema } from "@/lib/validation/dashboard";
import { PairSchema } from "@/lib/validation/reports";
import { ACCEPTED_SAMPLES } from "@/tests/evidence-samples";
import { inputArbitrary } from "./arbitraries";
import { closeFingerprintConnection } from "./fingerprint";
import { commitmentCode, PROPERTY_TIMEOUT, reportingCast, type TestUser, valueOf } from "./fixtures";
import { checkRoute, checkRouteRefuses, type RouteHandler, watchWrites } from "./harness";
import { hostileSegment, queryRequest } from "./requests";

let qa: TestUser;
let dz: TestUser;
let observer: TestUser;
let secretariat: TestUser;
let admin: TestUser;
let everyone: string[];
let countries: string[];
let fileIds: string[];

beforeAll(async () => {
  ({ qa, dz, observer, secretariat, admin, countries } = await reportingCast());
  everyone = [qa.id, dz.id, observer.id, secretariat.id, admin.id];
  // Evidence to download: one file attached to a restricted report of QA, one still pending.
  const png = ACCEPTED_SAMPLES.png!;
  const upload = () => storePendingEvidence(qa.actor, "35/2", [{ name: png.name, bytes: new Uint8Array(png.bytes) }], null);
  const [attached] = await upload();
  await submitReport(qa.actor, { commitment: "35/2", country: "QA", status: "LIMITED", notApplicableReason: null, narrative: "Plan", evidenceLinks: [], visibility: "RESTRICTED", baseVersion: 0 }, null);
  const [pending] = await upload();
  fileIds = [attached!.id, pending!.id];
});
beforeAll(watchWrites);
afterAll(closeFingerprintConnection);

describe("read routes of the API, with hostile input", () => {
  it("GET /api/health (public, reads no input)", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkRoute({ handler: getHealth as RouteHandler, method: "GET", actors: everyone, request: queryRequest("/api/health", z.object({})) });
  });

  it("GET /api/v1/me", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkRoute({ handler: getMe as RouteHandler, method: "GET", actors: everyone, request: queryRequest("/api/v1/me", z.object({})) });
  });

  it("GET /api/v1/commitments", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkRoute({
      handler: getCommitments as RouteHandler,
      method: "GET",
      actors: everyone,
      request: queryRequest("/api/v1/commitments", SessionQuerySchema, { valid: { session: fc.constantFrom("35", "36") } }),
    });
  });

  it("GET /api/v1/countries/{code}/reports", { timeout: PROPERTY_TIMEOUT }, async () => {
    const request = inputArbitrary(PairSchema, { mode: "query", valid: { commitment: commitmentCode(), country: fc.constantFrom(...countries) } }).map((entries) => {
      const code = valueOf(entries, "country");
      const country = typeof code === "string" ? code : Array.isArray(code) ? String(code[0]) : "";
      return { path: `/api/v1/countries/${country}/reports`, params: { code: country }, query: entries.filter(([key]) => key !== "country") };
    });
    await checkRoute({ handler: getPair as RouteHandler, method: "GET", actors: everyone, request });
  });

  it("GET /api/v1/dashboard", { timeout: PROPERTY_TIMEOUT }, async () => {
    const schema = DashboardQuerySchema.extend({ format: z.enum(["json", "csv"]).optional() });
    await checkRoute({
      handler: getDashboard as RouteHandler,
      method: "GET",
      actors: everyone,
      request: queryRequest("/api/v1/dashboard", schema, { valid: { session: fc.constantFrom("35", "34"), country: fc.constantFrom(...countries) } }),
    });
  });

  it("GET /api/[...rest]", { timeout: PROPERTY_TIMEOUT }, async () => {
    // Any path the API does not have: JSON 401/404, whatever its segments and query.
    const segments = fc.array(fc.oneof(hostileSegment, fc.constantFrom("v1", "v2", "reports", "admin", "..", "%00")), { minLength: 1, maxLength: 4 });
    await checkRoute({
      handler: unknownApiPath as RouteHandler,
      method: "GET",
      actors: everyone,
      request: fc
        .tuple(segments, inputArbitrary(z.object({}), { mode: "query" }))
        .map(([rest, query]) => ({ path: `/api/${rest.join("/")}`, params: { rest: rest.join("/") }, query })),
    });
  });

  it("GET /api/v1/evidence/{id}", { timeout: PROPERTY_TIMEOUT }, async () => {
    const id = fc.oneof(fc.constantFrom(...fileIds), fc.uuid(), hostileSegment);
    await checkRoute({
      handler: getEvidence as RouteHandler,
      method: "GET",
      actors: everyone,
      request: fc.tuple(id, inputArbitrary(z.object({}), { mode: "query" })).map(([fileId, query]) => ({ path: `/api/v1/evidence/${fileId}`, params: { id: fileId }, query })),
    });
  });

  it("GET /api/v1/audit-log", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkRoute({
      handler: getAuditLog as RouteHandler,
      method: "GET",
      actors: [admin.id],
      request: queryRequest("/api/v1/audit-log", AuditLogFilterSchema, { valid: { before: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String) } }),
    });
    await checkRouteRefuses({
      handler: getAuditLog as RouteHandler,
      method: "GET",
      actors: [null, qa.id, secretariat.id],
      statuses: [401, 403],
      request: queryRequest("/api/v1/audit-log", AuditLogFilterSchema),
    });
  });

  it("GET /api/v1/audit-log/export (itself recorded in the audit log)", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkRoute({
      handler: exportAuditLog as RouteHandler,
      method: "GET",
      actors: [admin.id],
      writes: true,
      request: queryRequest("/api/v1/audit-log/export", AuditLogFilterSchema, { valid: { before: fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String) } }),
    });
    await checkRouteRefuses({
      handler: exportAuditLog as RouteHandler,
      method: "GET",
      actors: [null, qa.id, secretariat.id],
      statuses: [401, 403],
      request: queryRequest("/api/v1/audit-log/export", AuditLogFilterSchema),
    });
  });

  it("refuses signed-out callers of every read route", { timeout: PROPERTY_TIMEOUT }, async () => {
    for (const [handler, path] of [
      [getMe, "/api/v1/me"],
      [getCommitments, "/api/v1/commitments"],
      [getDashboard, "/api/v1/dashboard"],
    ] as const) {
      await checkRouteRefuses({ handler: handler as RouteHandler, method: "GET", actors: [null], statuses: [401], request: queryRequest(path, z.object({})) });
    }
  });
});
