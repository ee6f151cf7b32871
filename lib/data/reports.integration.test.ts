import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { ReportSubmissionSchema, TimelineCursorSchema, type TimelineCursor } from "@/lib/validation/reports";
import { ACCEPTED_SAMPLES, REFUSED_SAMPLES } from "@/tests/evidence-samples";
import { commitmentId, createUser, recordReport } from "@/tests/factories";
import { recordAssessment } from "./assessments";
import { addComment } from "./comments";
import { getEvidenceDownload, listPendingEvidence, removePendingEvidence, storePendingEvidence } from "./evidence";
import { getPairView, listMyCountry } from "./history";
import { getOwnDraft, saveDraft, submitReport, type SubmitReportInput } from "./reports";
import { listReviewQueue, reviewReport } from "./reviews";

let qa: Actor;
let qa2: Actor;
let dz: Actor;
let secretariat: Actor;
let admin: Actor;
let observer: Actor;

beforeAll(async () => {
  qa = await createUser({ role: "DELEGATE", countryCode: "QA", name: "QA One" });
  qa2 = await createUser({ role: "DELEGATE", countryCode: "QA", name: "QA Two" });
  dz = await createUser({ role: "DELEGATE", countryCode: "DZ" });
  secretariat = await createUser({ role: "SECRETARIAT", name: "Officer" });
  admin = await createUser({ role: "ADMIN" });
  observer = await createUser({ role: "OBSERVER" });
});

const report = (overrides: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
  commitment: "35/1",
  country: "QA",
  status: "LIMITED",
  notApplicableReason: null,
  narrative: "A draft national plan has been circulated.",
  evidenceLinks: ["https://www.example.gov/plan"],
  visibility: "RESTRICTED",
  baseVersion: 0,
  ...overrides,
});

async function pairRow(code: string, country: string) {
  return db.pairStatus.findUnique({
    where: { commitmentId_countryCode: { commitmentId: await commitmentId(code), countryCode: country } },
  });
}

async function historyCount(code: string, country: string) {
  return db.report.count({ where: { commitment: { code }, countryCode: country } });
}

describe("submitting a report", () => {
  it("appends version 1, moves pair_status in the same write, and audits it", async () => {
    const { reportId, version } = await submitReport(qa, report({ commitment: "35/2" }), "127.0.0.1");
    expect(version).toBe(1);
    const pair = await pairRow("35/2", "QA");
    expect(pair).toMatchObject({ version: 1, status: "LIMITED", visibility: "RESTRICTED", reviewState: "SUBMITTED", latestReportId: reportId });
    const row = await db.report.findUniqueOrThrow({ where: { id: reportId } });
    expect(row).toMatchObject({ version: 1, previousStatus: null, authorId: qa.id, evidenceLinks: ["https://www.example.gov/plan"] });
    expect(await db.auditLog.count({ where: { action: "report.submitted", targetId: reportId } })).toBe(1);
  });

  it("records the change from the previous status, and when a run of COMPLETE began", async () => {
    await submitReport(qa, report({ commitment: "35/3", status: "SUBSTANTIAL" }), null);
    const first = await submitReport(qa, report({ commitment: "35/3", status: "COMPLETE", baseVersion: 1 }), null);
    const began = (await pairRow("35/3", "QA"))!.completedAt;
    expect(began).not.toBeNull();
    const second = await submitReport(qa2, report({ commitment: "35/3", status: "COMPLETE", baseVersion: 2 }), null);
    expect((await pairRow("35/3", "QA"))!.completedAt).toEqual(began);
    expect((await db.report.findUniqueOrThrow({ where: { id: first.reportId } })).previousStatus).toBe("SUBSTANTIAL");
    expect((await db.report.findUniqueOrThrow({ where: { id: second.reportId } })).previousStatus).toBe("COMPLETE");
    await submitReport(qa, report({ commitment: "35/3", status: "SUBSTANTIAL", baseVersion: 3 }), null);
    expect((await pairRow("35/3", "QA"))!.completedAt).toBeNull();
  });

  it("attaches the submission to the session's round open that day", async () => {
    const session = await db.councilSession.findUniqueOrThrow({ where: { number: 35 } });
    const today = new Date(new Date().toISOString().slice(0, 10));
    const round = await db.reportingRound.create({
      data: { sessionId: session.id, name: "Round now", opensOn: new Date(today.getTime() - 86_400_000), closesOn: today },
    });
    await db.reportingRound.create({
      data: { sessionId: session.id, name: "Round past", opensOn: new Date("2019-01-01"), closesOn: new Date("2019-02-01") },
    });
    const { reportId } = await submitReport(qa, report({ commitment: "35/4" }), null);
    expect((await db.report.findUniqueOrThrow({ where: { id: reportId } })).roundId).toBe(round.id);
  });

  it("refuses another country's delegate (403), observers and the secretariat, writing nothing", async () => {
    const before = await historyCount("35/5", "QA");
    for (const actor of [dz, observer, secretariat, admin]) {
      await expect(submitReport(actor, report({ commitment: "35/5" }), null)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await historyCount("35/5", "QA")).toBe(before);
    expect(await pairRow("35/5", "QA")).toBeNull();
  });

  it("refuses a stale base version (409) without writing anything", async () => {
    await submitReport(qa, report({ commitment: "35/6" }), null);
    await submitReport(qa2, report({ commitment: "35/6", status: "SUBSTANTIAL", baseVersion: 1 }), null);
    const error = await submitReport(qa, report({ commitment: "35/6", status: "COMPLETE", baseVersion: 1 }), null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toMatchObject({ currentVersion: 2, baseVersion: 1 });
    expect(await historyCount("35/6", "QA")).toBe(2);
    expect(await pairRow("35/6", "QA")).toMatchObject({ version: 2, status: "SUBSTANTIAL" });
    // A version from the future is just as stale.
    await expect(submitReport(qa, report({ commitment: "35/6", baseVersion: 7 }), null)).rejects.toBeInstanceOf(ConflictError);
  });

  // Threat: two delegates of one country submitting at once, one silently overwriting the
  // other's report (a lost write), or both landing with the same version and pair_status
  // pointing at only one of them.
  it("lets exactly one of 20 concurrent submissions on the same base version through", async () => {
    await submitReport(qa, report({ commitment: "35/7", status: "NOT_STARTED" }), null);
    const before = await historyCount("35/7", "QA");
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        submitReport(i % 2 ? qa : qa2, report({ commitment: "35/7", status: "SUBSTANTIAL", narrative: `attempt ${i}`, baseVersion: 1 }), null),
      ),
    );
    const elapsed = performance.now() - started;
    const succeeded = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await historyCount("35/7", "QA")).toBe(before + 1);
    const winner = (succeeded[0] as PromiseFulfilledResult<{ reportId: string; version: number }>).value;
    expect(winner.version).toBe(2);
    expect(await pairRow("35/7", "QA")).toMatchObject({ version: 2, latestReportId: winner.reportId, status: "SUBSTANTIAL" });
    console.info(`20 concurrent submissions settled in ${elapsed.toFixed(0)} ms`);
  });

  it("lets exactly one of 20 concurrent first submissions (base version 0) through", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => submitReport(i % 2 ? qa : qa2, report({ commitment: "35/8", narrative: `first ${i}` }), null)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toHaveLength(19);
    expect(await historyCount("35/8", "QA")).toBe(1);
    expect(await pairRow("35/8", "QA")).toMatchObject({ version: 1 });
  });

  it("works on a pair that an assessment created before any report", async () => {
    await recordAssessment(secretariat, { commitment: "35/1", country: "EG", score: -1, rationale: "Nothing verifiable yet." }, null);
    const eg = await createUser({ role: "DELEGATE", countryCode: "EG" });
    const { version } = await submitReport(eg, report({ commitment: "35/1", country: "EG" }), null);
    expect(version).toBe(1);
    expect(await pairRow("35/1", "EG")).toMatchObject({ version: 1, status: "LIMITED", assessmentScore: -1 });
  });
});

describe("input rules", () => {
  const parse = (body: Record<string, unknown>) =>
    ReportSubmissionSchema.safeParse({ commitment: "35/1", country: "QA", status: "LIMITED", baseVersion: 0, ...body });

  // Threat: a stored link that runs script (javascript:) or carries a payload (data:) when
  // another user clicks it in the report's history.
  it("refuses every evidence link that is not http or https", () => {
    for (const link of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "vbscript:x", "/relative", "ftp://x.org/a"]) {
      const result = parse({ evidenceLinks: [link] });
      expect(result.success, link).toBe(false);
    }
    expect(parse({ evidenceLinks: ["https://example.org/a?b=c", "http://example.org"] }).success).toBe(true);
  });

  it("requires a reason for NOT_APPLICABLE and limits the narrative to 10,000 characters", () => {
    expect(parse({ status: "NOT_APPLICABLE" }).error?.issues[0]?.message).toBe("report.reasonRequired");
    expect(parse({ status: "NOT_APPLICABLE", notApplicableReason: "No coastline." }).success).toBe(true);
    expect(parse({ narrative: "ت".repeat(10_000) }).success).toBe(true);
    expect(parse({ narrative: "ت".repeat(10_001) }).error?.issues[0]?.message).toBe("report.narrativeTooLong");
  });

  it("keeps NOT_APPLICABLE's reason in the database's own rule too", async () => {
    await expect(
      submitReport(qa, report({ commitment: "35/1", status: "NOT_APPLICABLE", notApplicableReason: null, baseVersion: 0 }), null),
    ).rejects.toThrow();
  });
});

describe("drafts", () => {
  it("are private to their author and consumed by their author's submission", async () => {
    const draft = { commitment: "35/1", baseVersion: 0, status: "SUBSTANTIAL" as const, notApplicableReason: null, narrative: "Work in progress", evidenceLinks: [], visibility: "MEMBERS" as const };
    await saveDraft(qa, draft, null);
    const id = "35/1";
    expect(await getOwnDraft(qa, id)).toMatchObject({ narrative: "Work in progress", visibility: "MEMBERS" });
    // Not to a colleague of the same country, nor anyone else.
    for (const other of [qa2, dz, secretariat, observer]) expect(await getOwnDraft(other, id)).toBeNull();
    for (const other of [qa2, dz, secretariat, admin, observer]) {
      const view = await getPairView(other, "QA", "35/1");
      expect(JSON.stringify(view)).not.toContain("Work in progress");
    }
    await expect(saveDraft(secretariat, draft, null)).rejects.toBeInstanceOf(ForbiddenError);
    await submitReport(qa, report({ commitment: "35/1", baseVersion: 0 }), null);
    expect(await getOwnDraft(qa, id)).toBeNull();
  });
});

describe("evidence files", () => {
  it("stores accepted types as pending, attaches them on submission, serves them to readers only", async () => {
    const files = [ACCEPTED_SAMPLES.pdf!, ACCEPTED_SAMPLES.docx!, ACCEPTED_SAMPLES.png!].map((s) => ({ name: s.name, bytes: s.bytes }));
    const stored = await storePendingEvidence(dz, "35/2", files, null);
    expect(stored.map((f) => f.mimeType)).toEqual([ACCEPTED_SAMPLES.pdf!.mime, ACCEPTED_SAMPLES.docx!.mime, ACCEPTED_SAMPLES.png!.mime]);
    const id = "35/2";
    expect(await listPendingEvidence(dz, id)).toHaveLength(3);
    // Pending: the uploader only.
    await expect(getEvidenceDownload(secretariat, stored[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getEvidenceDownload(dz, stored[0]!.id)).filename).toBe("plan.pdf");

    const { reportId } = await submitReport(dz, report({ commitment: "35/2", country: "DZ", visibility: "MEMBERS" }), null);
    expect(await db.evidenceFile.count({ where: { reportId } })).toBe(3);
    expect(await listPendingEvidence(dz, id)).toHaveLength(0);
    const download = await getEvidenceDownload(qa, stored[0]!.id);
    expect(Buffer.from(download.content).equals(ACCEPTED_SAMPLES.pdf!.bytes)).toBe(true);
    await expect(getEvidenceDownload(observer, stored[0]!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getEvidenceDownload(secretariat, stored[1]!.id)).mimeType).toBe(ACCEPTED_SAMPLES.docx!.mime);
    // Attached files are history: they can no longer be removed.
    await expect(removePendingEvidence(dz, stored[0]!.id, null)).rejects.toBeInstanceOf(NotFoundError);
  });

  // Threat: a script-bearing or executable file stored as evidence and served to others.
  it("refuses files by content and by size, storing none of a batch with a bad file", async () => {
    for (const [kind, sample] of Object.entries(REFUSED_SAMPLES)) {
      const error = await storePendingEvidence(qa, "35/5", [ACCEPTED_SAMPLES.pdf!, sample].map((s) => ({ name: s.name, bytes: s.bytes })), null).catch((e: unknown) => e);
      expect(error, kind).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).fieldErrors).toEqual({ files: ["file.type"] });
    }
    const tooLarge = Buffer.concat([ACCEPTED_SAMPLES.pdf!.bytes, Buffer.alloc(10 * 1024 * 1024)]);
    const error = await storePendingEvidence(qa, "35/5", [{ name: "big.pdf", bytes: tooLarge }], null).catch((e: unknown) => e);
    expect((error as InvalidInputError).fieldErrors).toEqual({ files: ["file.tooLarge"] });
    const exactly10MB = Buffer.concat([ACCEPTED_SAMPLES.pdf!.bytes, Buffer.alloc(10 * 1024 * 1024 - ACCEPTED_SAMPLES.pdf!.bytes.length)]);
    expect(await storePendingEvidence(qa, "35/5", [{ name: "limit.pdf", bytes: exactly10MB }], null)).toHaveLength(1);
    expect(await db.evidenceFile.count({ where: { uploaderId: qa.id, commitment: { code: "35/5" } } })).toBe(1);
    await expect(storePendingEvidence(dz, "35/5", [], null)).resolves.toEqual([]);
    await expect(storePendingEvidence(secretariat, "35/5", [ACCEPTED_SAMPLES.pdf!], null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lets the uploader remove a pending file, and nobody else", async () => {
    const [file] = await storePendingEvidence(qa, "35/4", [{ name: "x.gif", bytes: ACCEPTED_SAMPLES.gif!.bytes }], null);
    await expect(removePendingEvidence(qa2, file!.id, null)).rejects.toBeInstanceOf(NotFoundError);
    await removePendingEvidence(qa, file!.id, null);
    expect(await db.evidenceFile.count({ where: { id: file!.id } })).toBe(0);
  });
});

describe("reviews", () => {
  it("validates or returns the latest report once; a returned report awaits resubmission", async () => {
    const first = await submitReport(dz, report({ commitment: "35/3", country: "DZ" }), null);
    const queue = await listReviewQueue(secretariat, { country: "DZ" });
    expect(queue.map((q) => q.reportId)).toContain(first.reportId);

    await reviewReport(secretariat, first.reportId, { decision: "RETURN", comment: "Attach the decree." }, null);
    expect(await pairRow("35/3", "DZ")).toMatchObject({ reviewState: "RETURNED" });
    expect((await listReviewQueue(secretariat, { country: "DZ" })).map((q) => q.reportId)).not.toContain(first.reportId);
    // Delegates of DZ are told.
    expect(await db.notification.count({ where: { userId: dz.id, kind: "report.returned" } })).toBe(1);
    const mine = await listMyCountry(dz);
    expect(mine.items.find((i) => i.code === "35/3")).toMatchObject({ reviewState: "RETURNED", returnComment: "Attach the decree." });

    // A second decision on the same report, concurrent or late, is refused.
    await expect(reviewReport(admin, first.reportId, { decision: "VALIDATE", comment: "" }, null)).rejects.toBeInstanceOf(ConflictError);

    const second = await submitReport(dz, report({ commitment: "35/3", country: "DZ", status: "SUBSTANTIAL", baseVersion: 1 }), null);
    expect(await pairRow("35/3", "DZ")).toMatchObject({ reviewState: "SUBMITTED" });
    const resubmitted = (await listReviewQueue(secretariat, { country: "DZ", commitment: "35/3" }))[0];
    expect(resubmitted).toMatchObject({ reportId: second.reportId, resubmission: true, previousStatus: "LIMITED" });
    // The superseded report can no longer be reviewed.
    await expect(reviewReport(secretariat, first.reportId, { decision: "VALIDATE", comment: "" }, null)).rejects.toMatchObject({
      messageKey: "review.superseded",
    });
    await reviewReport(secretariat, second.reportId, { decision: "VALIDATE", comment: "" }, null);
    expect(await pairRow("35/3", "DZ")).toMatchObject({ reviewState: "VALIDATED" });

    const view = await getPairView(dz, "DZ", "35/3");
    const entries = view!.timeline.map((e) => e.kind);
    expect(entries.filter((k) => k === "review")).toHaveLength(2);
    const latest = view!.timeline.find((e) => e.kind === "report" && e.version === 2);
    expect(latest).toMatchObject({ review: { decision: "VALIDATE", reviewer: "Officer" } });
  });

  it("is for the secretariat and admins only", async () => {
    const { reportId } = await submitReport(dz, report({ commitment: "35/4", country: "DZ" }), null);
    for (const actor of [qa, dz, observer]) {
      await expect(reviewReport(actor, reportId, { decision: "VALIDATE", comment: "" }, null)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listReviewQueue(actor)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await pairRow("35/4", "DZ")).toMatchObject({ reviewState: "SUBMITTED" });
  });

  it("filters the queue by theme and lists it oldest first", async () => {
    const queue = await listReviewQueue(secretariat);
    const times = queue.map((q) => q.submittedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const theme = queue[0]!.commitment.theme.key;
    expect((await listReviewQueue(secretariat, { theme })).every((q) => q.commitment.theme.key === theme)).toBe(true);
    expect(await listReviewQueue(secretariat, { theme: "no-such-theme" })).toEqual([]);
  });
});

describe("assessments", () => {
  it("are appended, move pair_status, flag disagreement, and refuse a stale base", async () => {
    const { reportId: _ } = await submitReport(dz, report({ commitment: "35/5", country: "DZ", status: "COMPLETE" }), null);
    const first = await recordAssessment(secretariat, { commitment: "35/5", country: "DZ", score: 0, rationale: "Partly done.", baseAssessmentId: null }, null);
    expect(await pairRow("35/5", "DZ")).toMatchObject({ assessmentScore: 0 });
    const view = await getPairView(secretariat, "DZ", "35/5");
    expect(view!.current).toMatchObject({ status: "COMPLETE", assessment: { score: 0 }, disagrees: true });
    await expect(
      recordAssessment(admin, { commitment: "35/5", country: "DZ", score: 1, rationale: "Done.", baseAssessmentId: null }, null),
    ).rejects.toBeInstanceOf(ConflictError);
    await recordAssessment(admin, { commitment: "35/5", country: "DZ", score: 1, rationale: "Done.", baseAssessmentId: first.assessmentId }, null);
    const after = await getPairView(dz, "DZ", "35/5");
    expect(after!.current).toMatchObject({ assessment: { score: 1 }, disagrees: false });
    expect(after!.timeline.filter((e) => e.kind === "assessment").map((e) => e.kind === "assessment" && e.previousScore)).toEqual([0, null]);
    expect(await db.assessment.count({ where: { countryCode: "DZ", commitment: { code: "35/5" } } })).toBe(2);
    for (const actor of [qa, dz, observer]) {
      await expect(recordAssessment(actor, { commitment: "35/5", country: "DZ", score: -1, rationale: "x" }, null)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe("what each viewer sees of a pair", () => {
  beforeAll(async () => {
    // BH 35/6: a restricted report, then one shared with members, then one with observers.
    const bh = await createUser({ role: "DELEGATE", countryCode: "BH" });
    await recordReport({ code: "35/6", country: "BH", status: "LIMITED", authorId: bh.id, visibility: "RESTRICTED", narrative: "BH-RESTRICTED" });
    await recordReport({ code: "35/6", country: "BH", status: "SUBSTANTIAL", authorId: bh.id, visibility: "MEMBERS", narrative: "BH-MEMBERS" });
    await recordReport({ code: "35/6", country: "BH", status: "COMPLETE", authorId: bh.id, visibility: "OBSERVERS", narrative: "BH-OBSERVERS" });
    await addComment(bh, { commitment: "35/6", country: "BH", body: "BH-COMMENT" }, null);
    await recordAssessment(secretariat, { commitment: "35/6", country: "BH", score: 0, rationale: "BH-RATIONALE" }, null);
    // BH 35/7: restricted only. BH 35/8: nothing at all.
    await recordReport({ code: "35/7", country: "BH", status: "LIMITED", authorId: bh.id, visibility: "RESTRICTED", narrative: "BH-ONLY-RESTRICTED" });
  });

  const narratives = (view: Awaited<ReturnType<typeof getPairView>>) =>
    view!.timeline.flatMap((e) => (e.kind === "report" ? [e.narrative] : []));

  it("shows the country's delegates and the secretariat everything", async () => {
    const bh2 = await createUser({ role: "DELEGATE", countryCode: "BH" });
    for (const actor of [bh2, secretariat, admin]) {
      const view = await getPairView(actor, "BH", "35/6");
      expect(narratives(view)).toEqual(["BH-OBSERVERS", "BH-MEMBERS", "BH-RESTRICTED"]);
      expect(view!.comments.map((c) => c.body)).toEqual(["BH-COMMENT"]);
      expect(view!.timeline.some((e) => e.kind === "assessment" && e.rationale === "BH-RATIONALE")).toBe(true);
      expect(view!.current.version).toBe(3);
    }
  });

  // Threat: one member state's restricted report, the secretariat's reviews, assessments or
  // the thread reaching another member state or an observer through the pair page or API.
  it("shows other delegates only what is shared with members, and observers only what is published", async () => {
    const forQa = await getPairView(qa, "BH", "35/6");
    expect(narratives(forQa)).toEqual(["BH-OBSERVERS", "BH-MEMBERS"]);
    const forObserver = await getPairView(observer, "BH", "35/6");
    expect(narratives(forObserver)).toEqual(["BH-OBSERVERS"]);
    for (const view of [forQa, forObserver]) {
      const text = JSON.stringify(view);
      for (const secret of ["BH-RESTRICTED", "BH-COMMENT", "BH-RATIONALE"]) expect(text).not.toContain(secret);
      expect(view!.comments).toEqual([]);
      expect(view!.timeline.every((e) => e.kind === "report")).toBe(true);
      expect(view!.current.version).toBeNull();
      // The current score goes with the current status (shared with them); the rationale does not.
      expect(view!.current).toMatchObject({ status: "COMPLETE", assessment: { score: 0 }, disagrees: true });
      expect(view!.may).toMatchObject({ readAll: false, write: false, comment: false });
    }
  });

  // Threat: a shared report's "previous status" giving away the status of the restricted
  // report before it (LIMITED, in BH-RESTRICTED) to another member state or an observer.
  it("shows a previous status only when the report before is readable too", async () => {
    const previous = (view: Awaited<ReturnType<typeof getPairView>>) =>
      view!.timeline.flatMap((e) => (e.kind === "report" ? [[e.version, e.previousStatus]] : []));
    expect(previous(await getPairView(secretariat, "BH", "35/6"))).toEqual([[3, "SUBSTANTIAL"], [2, "LIMITED"], [1, null]]);
    expect(previous(await getPairView(qa, "BH", "35/6"))).toEqual([[3, "SUBSTANTIAL"], [2, null]]);
    expect(previous(await getPairView(observer, "BH", "35/6"))).toEqual([[3, null]]);
  });

  it("answers nothing (404) alike for a pair with only restricted reports and a pair with none", async () => {
    for (const actor of [qa, observer]) {
      expect(await getPairView(actor, "BH", "35/7")).toBeNull();
      expect(await getPairView(actor, "BH", "35/8")).toBeNull();
    }
    expect(await getPairView(secretariat, "BH", "35/8")).toMatchObject({ current: { status: "NO_REPORT", version: 0 } });
    expect(await getPairView(secretariat, "BH", "35/99")).toBeNull();
    expect(await getPairView(secretariat, "XX", "35/1")).toBeNull();
  });

  it("keeps another country's thread closed", async () => {
    await expect(addComment(qa, { commitment: "35/6", country: "BH", body: "intrusion" }, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addComment(observer, { commitment: "35/6", country: "BH", body: "intrusion" }, null)).rejects.toBeInstanceOf(NotFoundError);
    await addComment(secretariat, { commitment: "35/6", country: "BH", body: "From the secretariat" }, null);
    expect(await db.comment.count({ where: { body: "intrusion" } })).toBe(0);
  });
});

describe("a long history, page by page", () => {
  // OM 35/2: 30 reports an hour apart (restricted, members, observers in turn), reviews, messages
  // and assessments in between, and a late decision on an old report.
  const t0 = Date.UTC(2024, 0, 1);
  const hour = 3_600_000;
  const visibilityOf = (version: number) => (["RESTRICTED", "MEMBERS", "OBSERVERS"] as const)[version % 3]!;
  let om: Actor;
  let total = 0;
  type View = NonNullable<Awaited<ReturnType<typeof getPairView>>>;

  beforeAll(async () => {
    om = await createUser({ role: "DELEGATE", countryCode: "OM" });
    const id = await commitmentId("35/2");
    const statuses = ["NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE"] as const;
    const reports = [];
    for (let v = 1; v <= 30; v++) {
      reports.push(
        await recordReport({ code: "35/2", country: "OM", status: statuses[v % 4]!, authorId: om.id, visibility: visibilityOf(v), at: new Date(t0 + v * hour), narrative: `OM-${visibilityOf(v)}-${v}` }),
      );
    }
    for (let v = 4; v <= 28; v += 4) {
      await db.review.create({
        data: { reportId: reports[v - 1]!.id, decision: v % 8 ? "VALIDATE" : "RETURN", comment: `OM-REVIEW-${v}`, reviewerId: secretariat.id, createdAt: new Date(t0 + v * hour + hour / 2) },
      });
    }
    await db.review.create({
      data: { reportId: reports[1]!.id, decision: "VALIDATE", comment: "OM-LATE-REVIEW", reviewerId: secretariat.id, createdAt: new Date(t0 + 29 * hour + hour / 2) },
    });
    for (let v = 6; v <= 30; v += 6) {
      await db.comment.create({ data: { commitmentId: id, countryCode: "OM", authorId: om.id, body: `OM-COMMENT-${v}`, createdAt: new Date(t0 + v * hour + hour / 4) } });
    }
    for (const [i, v] of [5, 11, 17, 23].entries()) {
      await db.assessment.create({
        data: { commitmentId: id, countryCode: "OM", score: (i % 3) - 1, rationale: `OM-RATIONALE-${v}`, assessorId: secretariat.id, createdAt: new Date(t0 + v * hour + (3 * hour) / 4) },
      });
    }
    // The latest assessment through the data layer, so that pair_status follows it.
    await recordAssessment(secretariat, { commitment: "35/2", country: "OM", score: 1, rationale: "OM-RATIONALE-NOW" }, null);
    // OM 35/3: one restricted report only.
    await recordReport({ code: "35/3", country: "OM", status: "LIMITED", authorId: om.id, visibility: "RESTRICTED", at: new Date(t0), narrative: "OM-ONLY-RESTRICTED" });
    total = 30 + 8 + 5 + 5;
  });

  /** Every page of the timeline, from the latest, following nextBefore. */
  async function walk(actor: Actor, limit: number): Promise<View[]> {
    const pages: View[] = [];
    let before: TimelineCursor | undefined;
    for (;;) {
      const view = await getPairView(actor, "OM", "35/2", { limit, ...(before ? { before } : {}) });
      expect(view).not.toBeNull();
      pages.push(view!);
      expect(view!.timeline.length).toBeLessThanOrEqual(limit);
      if (!view!.nextBefore) return pages;
      expect(pages.length).toBeLessThan(100);
      before = TimelineCursorSchema.parse(view!.nextBefore);
    }
  }
  const keys = (pages: View[]) => pages.flatMap((p) => p.timeline.map((e) => `${e.kind}:${e.id}`));

  it("walks the whole history exactly once, newest first, whatever the page size, with the same current state on every page", async () => {
    const [all] = await walk(om, 100);
    expect(all!.timeline).toHaveLength(total);
    expect(all!.nextBefore).toBeNull();
    const times = all!.timeline.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const limit of [1, 7, 20, total - 1, total]) {
      const pages = await walk(om, limit);
      expect(keys(pages), `limit ${limit}`).toEqual(keys([all!]));
      expect(pages).toHaveLength(Math.ceil(total / limit));
      for (const page of pages) {
        expect(page.current).toEqual(all!.current);
        expect(page.current).toMatchObject({ version: 30, status: "SUBSTANTIAL", assessment: { score: 1 } });
        expect(page.latestReport).toMatchObject({ version: 30, narrative: "OM-RESTRICTED-30", reviewState: "SUBMITTED" });
        expect(page.latestAssessmentId).toBe(all!.latestAssessmentId);
        expect(page.comments.map((c) => c.body)).toEqual(["OM-COMMENT-6", "OM-COMMENT-12", "OM-COMMENT-18", "OM-COMMENT-24", "OM-COMMENT-30"]);
      }
    }
  });

  it("keeps what an entry says about the entries before and after it across page boundaries", async () => {
    const entries = (await walk(om, 3)).flatMap((p) => p.timeline);
    const assessments = entries.filter((e) => e.kind === "assessment");
    expect(assessments.map((a) => a.kind === "assessment" && [a.score, a.previousScore])).toEqual([[1, -1], [-1, 1], [1, 0], [0, -1], [-1, null]]);
    const reports = entries.flatMap((e) => (e.kind === "report" ? [e] : []));
    expect(reports.map((r) => r.version)).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
    expect(reports.find((r) => r.version === 2)!.review).toMatchObject({ decision: "VALIDATE", comment: "OM-LATE-REVIEW" });
    expect(reports.find((r) => r.version === 8)!.review).toMatchObject({ decision: "RETURN", comment: "OM-REVIEW-8" });
    expect(reports.find((r) => r.version === 9)!.review).toBeNull();
    for (const r of reports) expect(r.previousStatus).toBe(r.version === 1 ? null : (["NOT_STARTED", "LIMITED", "SUBSTANTIAL", "COMPLETE"] as const)[(r.version - 1) % 4]);
  });

  // Threat: a later page of the timeline — or its cursor — giving another member state or an
  // observer a restricted report, its status (as a previous status), a review, an assessment
  // or a message.
  it("shows other viewers only what is shared with them, on every page", async () => {
    for (const [actor, shared] of [
      [qa, ["MEMBERS", "OBSERVERS"]],
      [observer, ["OBSERVERS"]],
    ] as const) {
      const pages = await walk(actor, 4);
      const expected = Array.from({ length: 30 }, (_, i) => 30 - i).filter((v) => (shared as readonly string[]).includes(visibilityOf(v)));
      const entries = pages.flatMap((p) => p.timeline);
      expect(entries.every((e) => e.kind === "report")).toBe(true);
      expect(entries.map((e) => e.kind === "report" && e.version)).toEqual(expected);
      for (const entry of entries) {
        if (entry.kind !== "report") continue;
        const before = entry.version - 1;
        expect(entry.previousStatus === null).toBe(before === 0 || !(shared as readonly string[]).includes(visibilityOf(before)));
      }
      const shownIds = new Set(entries.map((e) => e.id));
      for (const page of pages) {
        const text = JSON.stringify(page);
        for (const secret of ["OM-RESTRICTED", "OM-REVIEW", "OM-LATE-REVIEW", "OM-COMMENT", "OM-RATIONALE"]) expect(text).not.toContain(secret);
        expect(page.current.version).toBeNull();
        expect(page.latestReport).toBeNull();
        expect(page.latestAssessmentId).toBeNull();
        if (page.nextBefore) expect(shownIds.has(TimelineCursorSchema.parse(page.nextBefore).id)).toBe(true);
      }
    }
  });

  it("answers an empty page past the oldest entry, and still nothing for a pair with nothing readable", async () => {
    const past = { before: { at: new Date(t0 - hour), id: "00000000-0000-7000-8000-000000000000" } };
    expect(await getPairView(secretariat, "OM", "35/2", past)).toMatchObject({ timeline: [], nextBefore: null, latestReport: { version: 30 } });
    expect(await getPairView(qa, "OM", "35/2", past)).toMatchObject({ timeline: [], nextBefore: null });
    for (const actor of [qa, observer]) {
      expect(await getPairView(actor, "OM", "35/3")).toBeNull();
      expect(await getPairView(actor, "OM", "35/3", past)).toBeNull();
      expect(await getPairView(actor, "OM", "35/3", { before: { at: new Date(t0 + hour), id: "ffffffff-ffff-7fff-bfff-ffffffffffff" } })).toBeNull();
    }
    expect(await getPairView(secretariat, "OM", "35/3", past)).toMatchObject({ timeline: [], current: { status: "LIMITED", version: 1 } });
  });
});

describe("history is append-only", () => {
  it("refuses to change or delete a report, even through the application's own connection", async () => {
    const row = await db.report.findFirstOrThrow({ where: { countryCode: "QA" } });
    await expect(db.report.update({ where: { id: row.id }, data: { narrative: "rewritten" } })).rejects.toThrow();
    await expect(db.report.delete({ where: { id: row.id } })).rejects.toThrow();
  });

  // Threat: evidence behind a submitted report swapped or removed afterwards, by a bug or by
  // anyone with the application's database credentials.
  it("refuses to change, re-attach or delete an attached evidence file; a pending one is only attached once", async () => {
    const attached = await db.evidenceFile.findFirstOrThrow({ where: { reportId: { not: null } } });
    const other = await db.report.findFirstOrThrow({ where: { id: { not: attached.reportId! } } });
    await expect(db.evidenceFile.update({ where: { id: attached.id }, data: { content: Buffer.from("forged") } })).rejects.toThrow(/append-only/);
    await expect(db.evidenceFile.update({ where: { id: attached.id }, data: { reportId: other.id } })).rejects.toThrow(/append-only/);
    await expect(db.evidenceFile.delete({ where: { id: attached.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`TRUNCATE evidence_file`).rejects.toThrow(/append-only/);

    const [pending] = await storePendingEvidence(qa, "35/7", [{ name: "p.png", bytes: ACCEPTED_SAMPLES.png!.bytes }], null);
    await expect(db.evidenceFile.update({ where: { id: pending!.id }, data: { filename: "renamed.png" } })).rejects.toThrow(/append-only/);
    await expect(db.evidenceFile.update({ where: { id: pending!.id }, data: { reportId: other.id, sha256: "0".repeat(64) } })).rejects.toThrow(/append-only/);
    expect(await db.evidenceFile.findUniqueOrThrow({ where: { id: pending!.id }, select: { filename: true, reportId: true } })).toEqual({ filename: "p.png", reportId: null });
    await removePendingEvidence(qa, pending!.id, null);
  });
});

describe("pair_status after everything above", () => {
  it("matches the history exactly: version, latest report, status, visibility, review state, assessment", async () => {
    const mismatches = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pair_status p
      LEFT JOIN LATERAL (SELECT * FROM report r WHERE r.commitment_id = p.commitment_id AND r.country_code = p.country_code
                         ORDER BY r.version DESC LIMIT 1) latest ON true
      LEFT JOIN LATERAL (SELECT * FROM review v WHERE v.report_id = latest.id ORDER BY v.created_at DESC LIMIT 1) decision ON true
      LEFT JOIN LATERAL (SELECT * FROM assessment a WHERE a.commitment_id = p.commitment_id AND a.country_code = p.country_code
                         ORDER BY a.created_at DESC, a.id DESC LIMIT 1) assessed ON true
      WHERE p.version <> (SELECT count(*) FROM report r WHERE r.commitment_id = p.commitment_id AND r.country_code = p.country_code)
         OR p.latest_report_id IS DISTINCT FROM latest.id
         OR p.status IS DISTINCT FROM latest.status
         OR p.visibility IS DISTINCT FROM latest.visibility
         OR (latest.id IS NOT NULL AND p.review_state IS DISTINCT FROM
             CASE decision.decision WHEN 'VALIDATE' THEN 'VALIDATED'::"ReviewState" WHEN 'RETURN' THEN 'RETURNED'::"ReviewState" ELSE 'SUBMITTED'::"ReviewState" END)
         OR p.assessment_score IS DISTINCT FROM assessed.score`;
    expect(Number(mismatches[0]!.n)).toBe(0);
    expect(await db.pairStatus.count()).toBeGreaterThan(10);
  });
});
