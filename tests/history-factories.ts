// Reviews and assessments for integration tests, written as the application keeps them: the
// history row and the pair's current state together.
import type { ReviewDecision } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { commitmentId } from "./factories";

/** Appends the secretariat's assessment of a pair and makes it the pair's current one. */
export async function recordAssessment(options: { code: string; country: string; score: -1 | 0 | 1; assessorId: string; at?: Date }) {
  const id = await commitmentId(options.code);
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    const assessment = await tx.assessment.create({
      data: {
        commitmentId: id,
        countryCode: options.country,
        score: options.score,
        rationale: `Scored ${options.score} in a test.`,
        assessorId: options.assessorId,
        createdAt: at,
      },
    });
    await tx.pairStatus.upsert({
      where: { commitmentId_countryCode: { commitmentId: id, countryCode: options.country } },
      create: { commitmentId: id, countryCode: options.country, assessmentScore: options.score, assessedAt: at, updatedAt: at },
      update: { assessmentScore: options.score, assessedAt: at, updatedAt: at },
    });
    return assessment;
  });
}

/** Records the secretariat's review of a report and moves the pair's review state when it is the latest. */
export async function recordReview(options: { reportId: string; decision: ReviewDecision; reviewerId: string; at?: Date }) {
  const at = options.at ?? new Date();
  return db.$transaction(async (tx) => {
    const review = await tx.review.create({
      data: { reportId: options.reportId, decision: options.decision, reviewerId: options.reviewerId, createdAt: at },
    });
    await tx.pairStatus.updateMany({
      where: { latestReportId: options.reportId },
      data: { reviewState: options.decision === "VALIDATE" ? "VALIDATED" : "RETURNED", updatedAt: at },
    });
    return review;
  });
}
