import "server-only";
// What one viewer may see of a pair's history — every report, review, assessment and comment
// in one timeline — and the delegate's overview of their country's commitments.
//
// Rules (README "Reporting"): the country's own delegates and the secretariat see everything.
// Other delegates and observers see only the reports shared with them; a report they may not
// read is left out entirely (no placeholder), and they see no reviews, assessments or comments.
// A pair with nothing they may read does not exist for them (null → 404), whether it has
// restricted reports or none at all, so that the answer does not reveal which.
import type { Prisma } from "@/generated/prisma/client";
import type { ReportStatus, ReviewDecision, ReviewState, Role, Visibility } from "@/generated/prisma/enums";
import { disagrees } from "@/lib/assessment-scale";
import type { Actor } from "@/lib/auth/actor";
import {
  actorScope,
  canAssess,
  canComment,
  canReadAllReportsOf,
  canReadReport,
  canReviewReports,
  canWriteReport,
  canWriteReports,
  readableVisibilities,
} from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { NO_REPORT, WITHHELD, type DisplayedStatus } from "@/lib/status-scale";
import { encodeTimelineCursor, TIMELINE_PAGE_SIZE, type TimelinePage } from "@/lib/validation/reports";
import type { EvidenceFileSummary } from "./evidence";
import { findCountry } from "./countries";
import { pairCommitmentSelect, toPairCommitment, type PairCommitment, type PairCountry } from "./pairs";
import { keptReading } from "./snapshot-cache";
import { getCurrentSession } from "./sessions";

export type Person = { name: string; role: Role };

export type ReviewSummary = { decision: ReviewDecision; comment: string; reviewer: string; at: Date };

export type ReportEntry = {
  kind: "report";
  id: string;
  at: Date;
  author: Person;
  version: number;
  status: ReportStatus;
  previousStatus: ReportStatus | null;
  notApplicableReason: string | null;
  narrative: string;
  evidenceLinks: string[];
  visibility: Visibility;
  round: string | null;
  files: EvidenceFileSummary[];
  /** The latest decision on this report (only for those who see reviews). */
  review: ReviewSummary | null;
};
export type ReviewEntry = { kind: "review"; id: string; at: Date; author: Person; reportVersion: number; decision: ReviewDecision; comment: string };
export type AssessmentEntry = { kind: "assessment"; id: string; at: Date; author: Person; score: number; previousScore: number | null; rationale: string };
export type CommentEntry = { kind: "comment"; id: string; at: Date; author: Person; body: string };
export type TimelineEntry = ReportEntry | ReviewEntry | AssessmentEntry | CommentEntry;

export type PairView = {
  commitment: Omit<PairCommitment, "id" | "sessionId">;
  country: PairCountry;
  current: {
    status: DisplayedStatus;
    reportedAt: Date | null;
    /** Only for those who see every report of the country (writers need it; others must not learn it). */
    version: number | null;
    visibility: Visibility | null;
    reviewState: ReviewState | null;
    assessment: { score: number; at: Date } | null;
    /** The self-reported status and the assessment disagree (lib/assessment-scale). */
    disagrees: boolean;
  };
  /** One page of the history, newest first (ties by id): at most `limit` entries older than `before`. */
  timeline: TimelineEntry[];
  /** The cursor of the next (older) page, or null when this page reaches the first entry. */
  nextBefore: string | null;
  /** The thread, oldest first (empty for those outside it). */
  comments: CommentEntry[];
  /** The latest report, whatever the page (only for those who see every report of the country). */
  latestReport: (ReportEntry & { reviewState: ReviewState | null }) | null;
  latestAssessmentId: string | null;
  may: { readAll: boolean; write: boolean; review: boolean; assess: boolean; comment: boolean };
};

const person = { select: { name: true, role: true } } as const;

const reportSelect = {
  id: true,
  version: true,
  status: true,
  previousStatus: true,
  notApplicableReason: true,
  narrative: true,
  evidenceLinks: true,
  visibility: true,
  submittedAt: true,
  author: person,
  round: { select: { name: true } },
  evidenceFiles: { orderBy: { createdAt: "asc" }, select: { id: true, filename: true, mimeType: true, size: true } },
} satisfies Prisma.ReportSelect;

type ReportRow = Prisma.ReportGetPayload<{ select: typeof reportSelect }>;

/** Newest first; entries of the same millisecond by id, so that a cursor cuts the order exactly. */
const newestFirst = (a: { at: Date; id: string }, b: { at: Date; id: string }) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The pair as `actor` may see it, or null when it does not exist for them. The timeline is paged
 * (`limit` entries older than `before`); the current state and the latest report do not depend
 * on the page. Each kind of entry is read `limit + 1` at a time, so a page costs the same
 * whatever the length of the history.
 */
export async function getPairView(
  actor: Actor,
  countryCode: string,
  code: string,
  page: Partial<TimelinePage> = {},
): Promise<PairView | null> {
  const limit = page.limit ?? TIMELINE_PAGE_SIZE;
  const before = page.before;
  return keptReading(["pair", actorScope(actor), countryCode, code, limit, before ?? null], () =>
    readPairView(actor, countryCode, code, limit, before),
  );
}

async function readPairView(
  actor: Actor,
  countryCode: string,
  code: string,
  limit: number,
  before: TimelinePage["before"] | undefined,
): Promise<PairView | null> {
  const readAll = canReadAllReportsOf(actor, countryCode);
  const thread = readAll && canComment(actor, countryCode);
  const readableWhere = readAll ? {} : { visibility: { in: readableVisibilities(actor) } };
  // Strictly older than the cursor in the timeline's order.
  type TimeField = "submittedAt" | "createdAt";
  const olderThan = (field: TimeField) =>
    before ? { OR: [{ [field]: { lt: before.at } }, { [field]: before.at, id: { lt: before.id } }] } : {};
  const desc = (field: TimeField) => [{ [field]: "desc" as const }, { id: "desc" as const }];
  // What the viewer may not see is not read at all (`take: 0`), and filtered again below.
  const none = { take: 0 };

  // One round trip: the commitment with the pair's state and a page of each kind of entry (one
  // statement, relationJoins), the reviews of the pair's reports, and the country.
  const [found, country, reviews] = await Promise.all([
    db.commitment.findUnique({
      where: { code },
      select: {
        ...pairCommitmentSelect,
        pairStatuses: {
          where: { countryCode },
          select: { version: true, status: true, visibility: true, reviewState: true, reportedAt: true, latestReportId: true, assessmentScore: true, assessedAt: true },
        },
        reports: { where: { countryCode, ...readableWhere, ...olderThan("submittedAt") }, orderBy: desc("submittedAt"), take: limit + 1, select: reportSelect },
        // One more than a page could show: the score before the oldest one shown.
        assessments: {
          where: { countryCode, ...olderThan("createdAt") },
          orderBy: desc("createdAt"),
          ...(readAll ? { take: limit + 1 } : none),
          select: { id: true, score: true, rationale: true, createdAt: true, assessor: person },
        },
        comments: {
          where: { countryCode },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          ...(thread ? {} : none),
          select: { id: true, body: true, createdAt: true, author: person },
        },
      },
    }),
    findCountry(countryCode),
    readAll
      ? db.review.findMany({
          where: { report: { commitment: { code }, countryCode }, ...olderThan("createdAt") },
          orderBy: desc("createdAt"),
          take: limit + 1,
          select: { id: true, decision: true, comment: true, createdAt: true, reviewer: person, report: { select: { id: true, version: true } } },
        })
      : [],
  ]);
  if (!found || !country) return null;
  const { pairStatuses, reports, assessments: assessed, comments: posted, ...row } = found;
  const commitment = toPairCommitment(row);
  const pair = pairStatuses[0] ?? null;
  const assessments = readAll ? assessed : [];
  const comments = thread ? posted : [];
  const where = { commitmentId: commitment.id, countryCode: country.code };

  // Defence in depth: the query is scoped, and every row is checked again.
  const readable = reports.filter((r) => canReadReport(actor, { countryCode: country.code, visibility: r.visibility }));
  if (!readAll && readable.length === 0) {
    // Nothing readable on this page: the pair exists for this viewer only if something is readable at all.
    const any = before ? await db.report.findFirst({ where: { ...where, ...readableWhere }, select: { id: true } }) : null;
    if (!any) return null;
  }
  // A report's previous status is the status of the report before it: shown only to those who
  // may read that one too, or it would give a restricted report's status away.
  const readableEarlier = readAll
    ? null
    : new Set(
        (
          await db.report.findMany({
            where: { ...where, ...readableWhere, version: { in: readable.map((r) => r.version - 1).filter((v) => v > 0) } },
            select: { version: true },
          })
        ).map((r) => r.version),
      );

  const toReportEntry = ({ submittedAt, round, evidenceFiles, ...report }: ReportRow, review: ReviewSummary | null): ReportEntry => ({
    kind: "report",
    ...report,
    previousStatus: readAll || readableEarlier?.has(report.version - 1) ? report.previousStatus : null,
    at: submittedAt,
    round: round?.name ?? null,
    files: evidenceFiles,
    review,
  });
  const commentEntries: CommentEntry[] = comments.map((c) => ({ kind: "comment", id: c.id, at: c.createdAt, author: c.author, body: c.body }));
  const candidates: TimelineEntry[] = [
    ...readable.map((r) => toReportEntry(r, null)),
    ...reviews.map((r): ReviewEntry => ({
      kind: "review",
      id: r.id,
      at: r.createdAt,
      author: r.reviewer,
      reportVersion: r.report.version,
      decision: r.decision,
      comment: r.comment,
    })),
    ...assessments.map((a, i): AssessmentEntry => ({
      kind: "assessment",
      id: a.id,
      at: a.createdAt,
      author: a.assessor,
      score: a.score,
      previousScore: assessments[i + 1]?.score ?? null,
      rationale: a.rationale,
    })),
    ...commentEntries.filter((c) => !before || newestFirst(c, before) > 0),
  ].sort(newestFirst);
  const timeline = candidates.slice(0, limit);
  // Every kind was read one past the page: anything left over is a real, older entry.
  const nextBefore = candidates.length > limit ? encodeTimelineCursor(timeline.at(-1)!) : null;

  // The latest decision on each report shown (it may be newer than the page), and the latest report.
  const shownReports = timeline.filter((e): e is ReportEntry => e.kind === "report");
  const latestReportId = readAll ? (pair?.latestReportId ?? null) : null;
  // On the first page, when the pair has no more reviews than were read, they are all at hand.
  const everyReview = !before && reviews.length <= limit;
  const [decisions, latestRow, latestAssessment] = readAll
    ? await Promise.all([
        everyReview
          ? reviews.toReversed().map((r) => ({ decision: r.decision, comment: r.comment, createdAt: r.createdAt, reviewer: r.reviewer, reportId: r.report.id }))
          : db.review.findMany({
              where: { reportId: { in: [...shownReports.map((r) => r.id), ...(latestReportId ? [latestReportId] : [])] } },
              orderBy: [{ createdAt: "asc" }, { id: "asc" }],
              select: { decision: true, comment: true, createdAt: true, reviewer: { select: { name: true } }, reportId: true },
            }),
        latestReportId && !readable.some((r) => r.id === latestReportId)
          ? db.report.findUnique({ where: { id: latestReportId }, select: reportSelect })
          : (readable.find((r) => r.id === latestReportId) ?? null),
        before
          ? db.assessment.findFirst({ where, orderBy: desc("createdAt"), select: { id: true } })
          : (assessments[0] ?? null),
      ])
    : [[], null, null];
  const latestReviewOf = new Map<string, ReviewSummary>();
  for (const review of decisions) {
    latestReviewOf.set(review.reportId, { decision: review.decision, comment: review.comment, reviewer: review.reviewer.name, at: review.createdAt });
  }
  for (const entry of shownReports) entry.review = latestReviewOf.get(entry.id) ?? null;

  let status: DisplayedStatus = NO_REPORT;
  if (pair?.status && pair.visibility) {
    status = readAll || canReadReport(actor, { countryCode: country.code, visibility: pair.visibility }) ? pair.status : WITHHELD;
  }
  const showCurrent = status !== WITHHELD && status !== NO_REPORT;
  // The current assessment goes with the current status (as on the dashboard): shown to whoever
  // may read the latest report. Its rationale and history stay in the timeline, for readAll only.
  const assessment =
    (readAll || showCurrent) && pair?.assessmentScore != null && pair.assessedAt ? { score: pair.assessmentScore, at: pair.assessedAt } : null;
  const { id: _id, sessionId: _sessionId, ...commitmentView } = commitment;
  return {
    commitment: commitmentView,
    country,
    current: {
      status,
      reportedAt: showCurrent ? (pair?.reportedAt ?? null) : null,
      version: readAll ? (pair?.version ?? 0) : null,
      visibility: showCurrent ? (pair?.visibility ?? null) : null,
      reviewState: readAll ? (pair?.reviewState ?? null) : null,
      assessment,
      disagrees: showCurrent ? disagrees(pair!.status, assessment?.score ?? null) : false,
    },
    timeline,
    nextBefore,
    comments: commentEntries,
    latestReport: latestRow
      ? { ...toReportEntry(latestRow, latestReviewOf.get(latestRow.id) ?? null), reviewState: pair?.reviewState ?? null }
      : null,
    latestAssessmentId: latestAssessment?.id ?? null,
    may: {
      readAll,
      write: canWriteReport(actor, country.code) && !commitment.withdrawnAt,
      review: canReviewReports(actor),
      assess: canAssess(actor),
      comment: canComment(actor, country.code),
    },
  };
}

export type MyCountryItem = {
  code: string;
  titleAr: string;
  titleEn: string;
  theme: { key: string; nameAr: string; nameEn: string };
  dueDate: Date | null;
  status: ReportStatus | null;
  version: number;
  reportedAt: Date | null;
  reviewState: ReviewState | null;
  /** What the secretariat asked for when it returned the latest report. */
  returnComment: string | null;
  assessmentScore: number | null;
  disagrees: boolean;
  hasDraft: boolean;
};

/** Every commitment of the current session with the delegate's country's current state. */
export async function listMyCountry(actor: Actor): Promise<{ country: PairCountry; sessionNumber: number | null; items: MyCountryItem[] }> {
  const countryCode = actor.countryCode;
  if (!countryCode || !canWriteReports(actor)) throw new ForbiddenError("only delegates have a country");
  const [country, session] = await Promise.all([findCountry(countryCode), getCurrentSession()]);
  if (!country) throw new ForbiddenError("unknown country");
  if (!session) return { country, sessionNumber: null, items: [] };
  const commitments = await db.commitment.findMany({
    where: { session: { number: session.number }, withdrawnAt: null },
    orderBy: { sortOrder: "asc" },
    select: {
      id: true,
      code: true,
      titleAr: true,
      titleEn: true,
      dueDate: true,
      theme: { select: { key: true, nameAr: true, nameEn: true } },
      pairStatuses: {
        where: { countryCode },
        select: {
          status: true,
          version: true,
          reportedAt: true,
          reviewState: true,
          assessmentScore: true,
          latestReport: { select: { reviews: { orderBy: { createdAt: "desc" }, take: 1, select: { decision: true, comment: true } } } },
        },
      },
      drafts: { where: { countryCode, authorId: actor.id }, select: { id: true } },
    },
  });
  return {
    country,
    sessionNumber: session.number,
    items: commitments.map((c) => {
      const pair = c.pairStatuses[0];
      const lastReview = pair?.latestReport?.reviews[0];
      return {
        code: c.code,
        titleAr: c.titleAr,
        titleEn: c.titleEn,
        theme: c.theme,
        dueDate: c.dueDate,
        status: pair?.status ?? null,
        version: pair?.version ?? 0,
        reportedAt: pair?.reportedAt ?? null,
        reviewState: pair?.reviewState ?? null,
        returnComment: pair?.reviewState === "RETURNED" && lastReview?.decision === "RETURN" ? lastReview.comment : null,
        assessmentScore: pair?.assessmentScore ?? null,
        disagrees: disagrees(pair?.status ?? null, pair?.assessmentScore ?? null),
        hasDraft: c.drafts.length > 0,
      };
    }),
  };
}
