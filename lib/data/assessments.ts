import "server-only";
// The secretariat's independent assessment of a pair on the G7/G20 Research Group's scale
// (−1, 0, +1), with its rationale. Append-only; the latest is the pair's assessment.
import type { Actor } from "@/lib/auth/actor";
import { canAssess } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { Score } from "@/lib/assessment-scale";
import { appendAudit } from "./audit";
import { ensurePairStatus, lockPairStatus, pairKey, requirePair } from "./pairs";

export type AssessmentInput = {
  commitment: string;
  country: string;
  score: Score;
  rationale: string;
  /**
   * The assessment this one follows (null: there was none). When given, another officer's
   * assessment recorded in the meantime makes this a ConflictError (409). The form always
   * sends it; the API may leave it out (undefined) to record unconditionally.
   */
  baseAssessmentId?: string | null | undefined;
};

export async function recordAssessment(
  actor: Actor,
  input: AssessmentInput,
  ip: string | null,
): Promise<{ assessmentId: string }> {
  if (!canAssess(actor)) throw new ForbiddenError("only the secretariat assesses");
  const { commitment, country } = await requirePair(input.commitment, input.country);
  return db.$transaction(async (tx) => {
    await ensurePairStatus(tx, commitment.id, country.code);
    await lockPairStatus(tx, commitment.id, country.code);
    const latest = await tx.assessment.findFirst({
      where: { commitmentId: commitment.id, countryCode: country.code },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, score: true },
    });
    if (input.baseAssessmentId !== undefined && (latest?.id ?? null) !== input.baseAssessmentId) {
      throw new ConflictError("assessment.stale", { currentAssessmentId: latest?.id ?? null });
    }
    const now = new Date();
    const assessment = await tx.assessment.create({
      data: {
        commitmentId: commitment.id,
        countryCode: country.code,
        score: input.score,
        rationale: input.rationale,
        assessorId: actor.id,
        createdAt: now,
      },
      select: { id: true },
    });
    await tx.pairStatus.update({
      where: pairKey(commitment.id, country.code),
      data: { assessmentScore: input.score, assessedAt: now, updatedAt: now },
    });
    await appendAudit(tx, {
      actor,
      action: "assessment.recorded",
      targetType: "assessment",
      targetId: assessment.id,
      before: { score: latest?.score ?? null },
      after: { commitment: commitment.code, country: country.code, score: input.score },
      ip,
    });
    return { assessmentId: assessment.id };
  });
}
