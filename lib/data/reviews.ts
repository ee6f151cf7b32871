import "server-only";
// The secretariat's review of submitted reports: the queue, and one decision per report —
// validated, or returned to the country for revision with a comment.
import type { ReportStatus, ReviewDecision, Visibility } from "@/generated/prisma/enums";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { canReviewReports } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { appendAudit } from "./audit";

function requireReviewer(actor: Actor) {
  if (!canReviewReports(actor)) throw new ForbiddenError("only the secretariat reviews reports");
}

/**
 * Records the decision on a report. Only the pair's latest report can be reviewed, once: a
 * decision on a superseded or already reviewed report is a ConflictError (409), so that two
 * officers deciding at once cannot overwrite each other. A returned report goes back to the
 * country's delegates, who are notified and must submit again.
 */
export async function reviewReport(
  actor: Actor,
  reportId: string,
  input: { decision: ReviewDecision; comment: string },
  ip: string | null,
): Promise<{ reviewId: string }> {
  requireReviewer(actor);
  return db.$transaction(async (tx) => {
    const report = await tx.report.findUnique({
      where: { id: reportId },
      select: { id: true, version: true, countryCode: true, commitmentId: true, commitment: { select: { code: true } } },
    });
    if (!report) throw new NotFoundError("report");
    const reviewState = input.decision === "VALIDATE" ? "VALIDATED" : "RETURNED";
    const now = new Date();
    // The guard: the pair's latest report, still awaiting review.
    const moved = await tx.pairStatus.updateMany({
      where: { latestReportId: report.id, reviewState: "SUBMITTED" },
      data: { reviewState, updatedAt: now },
    });
    if (moved.count !== 1) {
      const pair = await tx.pairStatus.findUnique({
        where: { commitmentId_countryCode: { commitmentId: report.commitmentId, countryCode: report.countryCode } },
        select: { latestReportId: true, reviewState: true, version: true },
      });
      throw pair?.latestReportId === report.id
        ? new ConflictError("review.alreadyReviewed", { reviewState: pair.reviewState })
        : new ConflictError("review.superseded", { currentVersion: pair?.version ?? null });
    }
    const review = await tx.review.create({
      data: { reportId: report.id, decision: input.decision, comment: input.comment, reviewerId: actor.id, createdAt: now },
      select: { id: true },
    });
    if (input.decision === "RETURN") {
      const delegates = await tx.user.findMany({
        where: { role: "DELEGATE", countryCode: report.countryCode, deactivatedAt: null },
        select: { id: true },
      });
      if (delegates.length > 0) {
        const data: Prisma.InputJsonValue = { commitment: report.commitment.code, country: report.countryCode, reportId: report.id, version: report.version };
        await tx.notification.createMany({ data: delegates.map((d) => ({ userId: d.id, kind: "report.returned", data, createdAt: now })) });
      }
    }
    await appendAudit(tx, {
      actor,
      action: input.decision === "VALIDATE" ? "report.validated" : "report.returned",
      targetType: "report",
      targetId: report.id,
      before: { reviewState: "SUBMITTED" },
      after: { reviewState, commitment: report.commitment.code, country: report.countryCode, version: report.version },
      ip,
    });
    return { reviewId: review.id };
  });
}

export type ReviewQueueFilter = { country?: string | undefined; commitment?: string | undefined; theme?: string | undefined };

export type ReviewQueueItem = {
  reportId: string;
  commitment: { code: string; titleAr: string; titleEn: string; theme: { key: string; nameAr: string; nameEn: string } };
  country: { code: string; nameAr: string; nameEn: string };
  version: number;
  status: ReportStatus;
  previousStatus: ReportStatus | null;
  visibility: Visibility;
  authorName: string;
  submittedAt: Date;
  /** Whether an earlier report of the pair was returned (this one answers a request). */
  resubmission: boolean;
};

/** Reports awaiting review — each pair's latest, if not yet decided — oldest first. */
export async function listReviewQueue(actor: Actor, filter: ReviewQueueFilter = {}): Promise<ReviewQueueItem[]> {
  requireReviewer(actor);
  const rows = await db.pairStatus.findMany({
    where: {
      reviewState: "SUBMITTED",
      latestReportId: { not: null },
      ...(filter.country ? { countryCode: filter.country } : {}),
      ...(filter.commitment || filter.theme
        ? {
            commitment: {
              ...(filter.commitment ? { code: filter.commitment } : {}),
              ...(filter.theme ? { theme: { key: filter.theme } } : {}),
            },
          }
        : {}),
    },
    orderBy: [{ reportedAt: "asc" }, { countryCode: "asc" }],
    take: 500,
    select: {
      country: { select: { code: true, nameAr: true, nameEn: true } },
      commitment: {
        select: { code: true, titleAr: true, titleEn: true, theme: { select: { key: true, nameAr: true, nameEn: true } } },
      },
      latestReport: {
        select: {
          id: true,
          version: true,
          status: true,
          previousStatus: true,
          visibility: true,
          submittedAt: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  const returnedBefore = new Set(
    (
      await db.review.findMany({
        where: {
          decision: "RETURN",
          report: {
            OR: rows.flatMap((r) =>
              r.latestReport ? [{ commitment: { code: r.commitment.code }, countryCode: r.country.code, version: r.latestReport.version - 1 }] : [],
            ),
          },
        },
        select: { report: { select: { countryCode: true, commitment: { select: { code: true } } } } },
      })
    ).map((r) => `${r.report.commitment.code}|${r.report.countryCode}`),
  );
  return rows.flatMap((row) => {
    const report = row.latestReport;
    if (!report) return [];
    return [
      {
        reportId: report.id,
        commitment: row.commitment,
        country: row.country,
        version: report.version,
        status: report.status,
        previousStatus: report.previousStatus,
        visibility: report.visibility,
        authorName: report.author.name,
        submittedAt: report.submittedAt,
        resubmission: returnedBefore.has(`${row.commitment.code}|${row.country.code}`),
      },
    ];
  });
}
