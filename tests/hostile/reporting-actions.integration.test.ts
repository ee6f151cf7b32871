// Threats: hostile form input to the reporting actions (reports, evidence, reviews,
// assessments, comments, notifications) that crashes them (a 500 the user cannot act on),
// writes half of a change, or slips past the schema into PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { recordAssessmentAction } from "@/lib/actions/assessments";
import { addCommentAction } from "@/lib/actions/comments";
import { markNotificationsReadAction } from "@/lib/actions/notifications";
import { removeEvidenceFileAction, saveReportAction } from "@/lib/actions/reports";
import { reviewReportAction } from "@/lib/actions/reviews";
import { storePendingEvidence } from "@/lib/data/evidence";
import { db } from "@/lib/db";
import { MarkNotificationsReadSchema } from "@/lib/validation/notifications";
import { AssessmentFormSchema, CommentSchema, EvidenceFileIdSchema, ReportFormSchema, ReviewFormSchema } from "@/lib/validation/reports";
import { ACCEPTED_SAMPLES, REFUSED_SAMPLES } from "@/tests/evidence-samples";
import { recordReport } from "@/tests/factories";
import type { Entries } from "./arbitraries";
import { closeFingerprintConnection } from "./fingerprint";
import { commitmentCode, fill, pairOf, placeholder, PROPERTY_TIMEOUT, reportingCast, type TestUser, valueOf } from "./fixtures";
import { checkAction, checkActionRefuses, type ServerAction, watchWrites } from "./harness";

vi.mock("next/headers", () => import("./next-request").then((m) => m.nextHeaders));
vi.mock("next/cache", () => import("./next-request").then((m) => m.nextCache));

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

async function pairVersion(code: unknown, country: string): Promise<string> {
  const pair = pairOf(code, country);
  if (!pair) return "0";
  const row = await db.pairStatus.findFirst({ where: { commitment: { code: pair.code }, countryCode: pair.country }, select: { version: true } });
  return String(row?.version ?? 0);
}

const png = ACCEPTED_SAMPLES.png!;
const evidenceFile = fc.oneof(
  fc.constantFrom("photo.png", "\u0000.png", "../../etc/passwd.png", "\ud800.png", "\u202Egnp.exe", `${"ن".repeat(300)}.png`, "").map(
    (name) => new File([new Uint8Array(png.bytes)], name, { type: png.mime }),
  ),
  fc.constantFrom(...Object.values(REFUSED_SAMPLES)).map((sample) => new File([new Uint8Array(sample.bytes)], sample.name)),
  fc.constant(new File([], "empty.png")),
);

describe("server actions of reporting, with hostile input", () => {
  it("saveReportAction: drafts and submissions", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: saveReportAction as ServerAction,
      schema: ReportFormSchema,
      actors: [qa.id],
      input: {
        valid: {
          commitment: commitmentCode(),
          baseVersion: fc.oneof(fc.constant(placeholder("version")), fc.nat(3).map(String)),
          evidenceLinks: fc.array(fc.webUrl(), { maxLength: 3 }).map((links) => links.join("\r\n")),
        },
        extra: fc.array(evidenceFile.map((file) => ["files", file] as const), { maxLength: 4 }),
      },
      prepare: (entries) => fill(entries, "version", () => pairVersion(valueOf(entries, "commitment"), "QA")),
      // A submission refused as stale keeps its text as the author's draft, and its files.
      keepsOnRefusal: (state) => state.message === "errors.report.stale",
    });
  });

  it("removeEvidenceFileAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: removeEvidenceFileAction as ServerAction,
      schema: EvidenceFileIdSchema,
      actors: [qa.id],
      input: { valid: { fileId: fc.constant(placeholder("file")) } },
      prepare: (entries) =>
        fill(entries, "file", async () => {
          const [file] = await storePendingEvidence(qa.actor, "35/7", [{ name: png.name, bytes: new Uint8Array(png.bytes) }], null);
          return file!.id;
        }),
    });
  });

  it("reviewReportAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    let reports = 0;
    await checkAction({
      action: reviewReportAction as ServerAction,
      schema: ReviewFormSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { reportId: fc.constant(placeholder("report")) } },
      prepare: (entries) =>
        fill(entries, "report", async () => {
          const code = `35/${1 + (reports++ % 8)}`;
          return (await recordReport({ code, country: "DZ", status: "LIMITED", authorId: dz.id })).id;
        }),
    });
  });

  it("recordAssessmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: recordAssessmentAction as ServerAction,
      schema: AssessmentFormSchema,
      actors: [secretariat.id, admin.id],
      input: {
        valid: {
          commitment: commitmentCode(),
          country: fc.constantFrom(...countries),
          baseAssessmentId: fc.constantFrom("", placeholder("latest")),
        },
      },
      prepare: async (entries: Entries) =>
        fill(entries, "latest", async () => {
          const pair = pairOf(valueOf(entries, "commitment"), valueOf(entries, "country"));
          if (!pair) return "";
          const latest = await db.assessment.findFirst({
            where: { commitment: { code: pair.code }, countryCode: pair.country },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: { id: true },
          });
          return latest?.id ?? "";
        }),
    });
  });

  it("addCommentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: addCommentAction as ServerAction,
      schema: CommentSchema,
      actors: [qa.id, secretariat.id],
      input: { valid: { commitment: commitmentCode(), country: fc.constantFrom("QA", "DZ") } },
    });
  });

  it("markNotificationsReadAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    const notify = async (userId: string) =>
      (await db.notification.create({ data: { userId, kind: "report.returned", data: { commitment: "35/1" } }, select: { id: true } })).id;
    await checkAction({
      action: markNotificationsReadAction as ServerAction,
      schema: MarkNotificationsReadSchema,
      actors: [qa.id, observer.id],
      input: { valid: { notificationId: fc.constantFrom("all", placeholder("own"), placeholder("other")) } },
      prepare: async (entries, actor) => {
        const own = await fill(entries, "own", () => notify(actor!));
        return fill(own, "other", () => notify(actor === qa.id ? observer.id : qa.id));
      },
    });
  });

  it("refuses callers without the right before reading their input", { timeout: PROPERTY_TIMEOUT }, async () => {
    const refused: [ServerAction, Parameters<typeof checkActionRefuses>[0]["schema"], (string | null)[]][] = [
      [saveReportAction as ServerAction, ReportFormSchema, [null, observer.id, secretariat.id]],
      [removeEvidenceFileAction as ServerAction, EvidenceFileIdSchema, [null, observer.id, admin.id]],
      [reviewReportAction as ServerAction, ReviewFormSchema, [null, qa.id, observer.id]],
      [recordAssessmentAction as ServerAction, AssessmentFormSchema, [null, qa.id, observer.id]],
      [addCommentAction as ServerAction, CommentSchema, [null, observer.id]],
      [markNotificationsReadAction as ServerAction, MarkNotificationsReadSchema, [null]],
    ];
    for (const [action, schema, actors] of refused) await checkActionRefuses({ action, schema, actors });
  });
});
