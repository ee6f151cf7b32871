import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { storePendingEvidence } from "@/lib/data/evidence";
import { ACCEPTED_SAMPLES } from "@/tests/evidence-samples";
import { apiRequest } from "@/tests/auth";
import { createUser } from "@/tests/factories";
import { PUT as putAssessment } from "../assessments/route";
import { GET as getPair } from "../countries/[code]/reports/route";
import { GET as getEvidence } from "../evidence/[id]/route";
import { POST as postReview } from "./[id]/review/route";
import { POST as postReport } from "./route";

type User = Awaited<ReturnType<typeof createUser>>;
let qa: User;
let dz: User;
let secretariat: User;
let observer: User;

const none = { params: Promise.resolve({}) } as { params: Promise<Record<string, never>> };
const withParams = <P,>(params: P) => ({ params: Promise.resolve(params) });

beforeAll(async () => {
  qa = await createUser({ role: "DELEGATE", countryCode: "QA" });
  dz = await createUser({ role: "DELEGATE", countryCode: "DZ" });
  secretariat = await createUser({ role: "SECRETARIAT" });
  observer = await createUser({ role: "OBSERVER" });
});

const body = (overrides: Record<string, unknown> = {}) => ({
  commitment: "35/6",
  country: "QA",
  status: "LIMITED",
  narrative: "**Draft** national plan; see the [decree](https://www.example.gov/decree).",
  evidenceLinks: ["https://www.example.gov/decree"],
  visibility: "RESTRICTED",
  baseVersion: 0,
  ...overrides,
});

async function submit(userId: string | null, payload: unknown, headers: Record<string, string> = {}) {
  return postReport(await apiRequest("/api/v1/reports", userId, { method: "POST", body: payload, headers }), none);
}

async function pair(userId: string | null, country: string, commitment: string, page = "") {
  return getPair(await apiRequest(`/api/v1/countries/${country}/reports?commitment=${commitment}${page}`, userId), withParams({ code: country }));
}

describe("POST /api/v1/reports", () => {
  it("answers 201 with the new version, then 409 for the same, stale base version", async () => {
    const created = await submit(qa.id, body());
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ commitment: "35/6", country: "QA", version: 1 });
    const stale = await submit(qa.id, body({ status: "COMPLETE" }));
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: "conflict", message: "report.stale", details: { currentVersion: 1 } } });
    expect((await submit(qa.id, body({ status: "COMPLETE", baseVersion: 1 }))).status).toBe(201);
  });

  // Threat: concurrent writers of one country silently overwriting each other (lost writes).
  it("answers one of 20 concurrent submissions on the same base version with 201, the other 19 with 409", async () => {
    const qa2 = await createUser({ role: "DELEGATE", countryCode: "QA" });
    expect((await submit(qa.id, body({ commitment: "35/4" }))).status).toBe(201);
    const before = await db.report.count({ where: { countryCode: "QA", commitment: { code: "35/4" } } });
    const requests = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        apiRequest("/api/v1/reports", i % 2 ? qa.id : qa2.id, { method: "POST", body: body({ commitment: "35/4", narrative: `racer ${i}`, baseVersion: 1 }) }),
      ),
    );
    const statuses = (await Promise.all(requests.map((request) => postReport(request, none)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await db.report.count({ where: { countryCode: "QA", commitment: { code: "35/4" } } })).toBe(before + 1);
  });

  it("answers 400 with field errors for bad input", async () => {
    const response = await submit(qa.id, body({ status: "DONE", evidenceLinks: ["javascript:alert(1)"], narrative: "x".repeat(10_001), baseVersion: -1 }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.fieldErrors).toMatchObject({
      status: ["report.status"],
      evidenceLinks: ["link.scheme"],
      narrative: ["report.narrativeTooLong"],
      baseVersion: ["report.baseVersion"],
    });
    const notJson = await postReport(
      await apiRequest("/api/v1/reports", qa.id, { method: "POST", headers: { "content-type": "application/json" } }),
      none,
    );
    expect(notJson.status).toBe(400);
    const reason = await submit(qa.id, body({ commitment: "35/5", status: "NOT_APPLICABLE" }));
    expect((await reason.json()).error.fieldErrors).toEqual({ notApplicableReason: ["report.reasonRequired"] });
  });

  // Threat: a signed-out caller, a delegate writing for another country, or a non-delegate
  // writing a self-report through the API.
  it("answers 401 signed out, 403 for another country or a non-delegate — even with invalid input", async () => {
    const before = await db.report.count();
    expect((await submit(null, body())).status).toBe(401);
    expect((await submit(dz.id, body({ commitment: "35/1" }))).status).toBe(403);
    expect((await submit(dz.id, body({ commitment: "35/1", status: "nonsense" }))).status).toBe(403);
    for (const user of [secretariat, observer]) expect((await submit(user.id, body({ commitment: "35/1" }))).status).toBe(403);
    expect((await submit(qa.id, body({ commitment: "35/99" }))).status).toBe(404);
    expect(await db.report.count()).toBe(before);
  });

  it("refuses a cross-site write", async () => {
    expect((await submit(qa.id, body({ commitment: "35/2" }), { origin: "https://evil.example" })).status).toBe(403);
  });
});

describe("GET /api/v1/countries/{code}/reports", () => {
  beforeAll(async () => {
    await submit(dz.id, body({ commitment: "35/7", country: "DZ", status: "LIMITED", visibility: "RESTRICTED", narrative: "DZ-SECRET" }));
    await submit(dz.id, body({ commitment: "35/7", country: "DZ", status: "SUBSTANTIAL", visibility: "MEMBERS", narrative: "DZ-MEMBERS", baseVersion: 1 }));
    await submit(dz.id, body({ commitment: "35/8", country: "DZ", visibility: "RESTRICTED", narrative: "DZ-ONLY-SECRET" }));
  });

  it("gives the country's delegates and the secretariat the whole timeline and the version", async () => {
    for (const user of [dz, secretariat]) {
      const response = await pair(user.id, "DZ", "35/7");
      expect(response.status).toBe(200);
      const result = await response.json();
      expect(result).toMatchObject({ commitment: "35/7", country: "DZ", status: "SUBSTANTIAL", version: 2, reviewState: "SUBMITTED" });
      expect(result.timeline.map((e: { narrative?: string }) => e.narrative)).toEqual(["DZ-MEMBERS", "DZ-SECRET"]);
      expect(result.timeline[0]).toMatchObject({ type: "report", version: 2, previousStatus: "LIMITED", author: { role: "DELEGATE" } });
    }
  });

  // Threat: a restricted report reaching another member state or an observer through the API.
  it("gives other delegates only shared reports, without the version; observers and the unshared get 404", async () => {
    const forQa = await (await pair(qa.id, "DZ", "35/7")).json();
    expect(forQa.timeline.map((e: { narrative?: string }) => e.narrative)).toEqual(["DZ-MEMBERS"]);
    expect(forQa).not.toHaveProperty("version");
    expect(JSON.stringify(forQa)).not.toContain("DZ-SECRET");
    expect((await pair(observer.id, "DZ", "35/7")).status).toBe(404);
    expect((await pair(qa.id, "DZ", "35/8")).status).toBe(404);
    expect((await pair(qa.id, "DZ", "35/4")).status).toBe(404);
    expect((await pair(null, "DZ", "35/7")).status).toBe(401);
    expect((await pair(qa.id, "DZ", "nonsense")).status).toBe(400);
  });
});

describe("GET /api/v1/countries/{code}/reports, page by page", () => {
  beforeAll(async () => {
    // DZ 35/6: five reports, the middle one restricted.
    for (let v = 1; v <= 5; v++) {
      const visibility = v === 3 ? "RESTRICTED" : "MEMBERS";
      expect((await submit(dz.id, body({ commitment: "35/6", country: "DZ", visibility, narrative: `DZ-PAGE-${visibility}-${v}`, baseVersion: v - 1 }))).status).toBe(201);
    }
  });

  const narratives = (result: { timeline: { narrative?: string }[] }) => result.timeline.map((e) => e.narrative);

  it("answers `limit` entries and the cursor of the next page, until the first entry", async () => {
    const first = await (await pair(dz.id, "DZ", "35/6", "&limit=2")).json();
    expect(first).toMatchObject({ version: 5, status: "LIMITED" });
    expect(narratives(first)).toEqual(["DZ-PAGE-MEMBERS-5", "DZ-PAGE-MEMBERS-4"]);
    expect(first.nextBefore).toEqual(expect.any(String));
    const second = await (await pair(dz.id, "DZ", "35/6", `&limit=2&before=${first.nextBefore}`)).json();
    expect(second).toMatchObject({ version: 5 });
    expect(narratives(second)).toEqual(["DZ-PAGE-RESTRICTED-3", "DZ-PAGE-MEMBERS-2"]);
    const third = await (await pair(dz.id, "DZ", "35/6", `&limit=2&before=${second.nextBefore}`)).json();
    expect(narratives(third)).toEqual(["DZ-PAGE-MEMBERS-1"]);
    expect(third.nextBefore).toBeNull();
    // The default page holds all five; one is enough to read the version before submitting.
    expect((await (await pair(dz.id, "DZ", "35/6")).json()).nextBefore).toBeNull();
    const smallest = await (await pair(dz.id, "DZ", "35/6", "&limit=1")).json();
    expect(smallest).toMatchObject({ version: 5, reviewState: "SUBMITTED" });
    expect(smallest.timeline).toHaveLength(1);
  });

  // Threat: paging past the shared reports to reach a restricted one, or its status.
  it("pages another member state's delegate through the shared reports only", async () => {
    const first = await (await pair(qa.id, "DZ", "35/6", "&limit=2")).json();
    expect(narratives(first)).toEqual(["DZ-PAGE-MEMBERS-5", "DZ-PAGE-MEMBERS-4"]);
    const second = await (await pair(qa.id, "DZ", "35/6", `&limit=2&before=${first.nextBefore}`)).json();
    expect(narratives(second)).toEqual(["DZ-PAGE-MEMBERS-2", "DZ-PAGE-MEMBERS-1"]);
    expect(second.timeline[0]).toMatchObject({ version: 2, previousStatus: "LIMITED" });
    expect(second.nextBefore).toBeNull();
    expect(JSON.stringify([first, second])).not.toContain("RESTRICTED-3");
    expect(second).not.toHaveProperty("version");
  });

  it("refuses a limit out of bounds and a malformed cursor (400)", async () => {
    for (const page of ["&limit=0", "&limit=101", "&limit=two", "&limit=1.5", "&before=yesterday", "&before=1_not-a-uuid", "&before="]) {
      expect((await pair(dz.id, "DZ", "35/6", page)).status, page).toBe(400);
    }
    expect((await pair(dz.id, "DZ", "35/6", "&limit=100")).status).toBe(200);
  });
});

describe("reviews, assessments and evidence over the API", () => {
  it("lets the secretariat return and validate; others get 403", async () => {
    const created = await (await submit(qa.id, body({ commitment: "35/3" }))).json();
    const review = async (userId: string, payload: unknown) =>
      postReview(await apiRequest(`/api/v1/reports/${created.id}/review`, userId, { method: "POST", body: payload }), withParams({ id: created.id }));
    expect((await review(qa.id, { decision: "VALIDATE" })).status).toBe(403);
    expect((await review(observer.id, { decision: "VALIDATE" })).status).toBe(403);
    const missing = await review(secretariat.id, { decision: "RETURN", comment: "" });
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.fieldErrors).toEqual({ comment: ["review.commentRequired"] });
    expect((await review(secretariat.id, { decision: "RETURN", comment: "Add the figures." })).status).toBe(201);
    expect((await review(secretariat.id, { decision: "VALIDATE" })).status).toBe(409);
    const unknown = "00000000-0000-7000-8000-000000000000";
    const notFound = await postReview(
      await apiRequest(`/api/v1/reports/${unknown}/review`, secretariat.id, { method: "POST", body: { decision: "VALIDATE" } }),
      withParams({ id: unknown }),
    );
    expect(notFound.status).toBe(404);
    const state = await (await pair(qa.id, "QA", "35/3")).json();
    expect(state.reviewState).toBe("RETURNED");
    expect(state.timeline[0]).toMatchObject({ type: "review", decision: "RETURN", comment: "Add the figures." });
  });

  it("records assessments for the secretariat only, with an optional guard", async () => {
    const put = async (userId: string, payload: unknown) =>
      putAssessment(await apiRequest("/api/v1/assessments", userId, { method: "PUT", body: payload }), none);
    const payload = { commitment: "35/6", country: "QA", score: 0, rationale: "Partial compliance." };
    expect((await put(qa.id, payload)).status).toBe(403);
    expect((await put(secretariat.id, { ...payload, score: 2 })).status).toBe(400);
    const first = await put(secretariat.id, payload);
    expect(first.status).toBe(200);
    expect((await put(secretariat.id, { ...payload, score: 1, baseAssessmentId: null })).status).toBe(409);
    const { id } = await first.json();
    expect((await put(secretariat.id, { ...payload, score: -1, baseAssessmentId: id })).status).toBe(200);
    const state = await (await pair(qa.id, "QA", "35/6")).json();
    expect(state).toMatchObject({ status: "COMPLETE", assessment: { score: -1 }, disagrees: true });
  });

  // Threat: an evidence file served to someone who may not read its report, or served in a
  // way a browser would render (HTML, sniffed types) on this site's origin.
  it("serves evidence as an attachment to readers only", async () => {
    const [file] = await storePendingEvidence(dz, "35/2", [{ name: "تقرير.pdf", bytes: ACCEPTED_SAMPLES.pdf!.bytes }], null);
    await submit(dz.id, body({ commitment: "35/2", country: "DZ", visibility: "MEMBERS" }));
    const download = async (userId: string | null, id = file!.id) =>
      getEvidence(await apiRequest(`/api/v1/evidence/${id}`, userId), withParams({ id }));
    const response = await download(qa.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.pdf"; filename\*=UTF-8''/);
    expect(Buffer.from(await response.arrayBuffer()).equals(ACCEPTED_SAMPLES.pdf!.bytes)).toBe(true);
    expect((await download(observer.id)).status).toBe(404);
    expect((await download(null)).status).toBe(401);
    expect((await download(secretariat.id, "not-a-uuid")).status).toBe(404);
  });
});
