import { apiRoute, requestAddress } from "@/lib/api/handler";
import { readJson } from "@/lib/api/body";
import { json } from "@/lib/api/respond";
import { canAssess } from "@/lib/auth/permissions";
import { recordAssessment } from "@/lib/data/assessments";
import { ForbiddenError } from "@/lib/errors";
import { AssessmentSchema } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

/**
 * PUT /api/v1/assessments — the secretariat sets a pair's assessment (appended to its history).
 * With `baseAssessmentId` (the id of the assessment it replaces, or null), a concurrent change is a 409.
 */
export const PUT = apiRoute(async (request, actor) => {
  if (!canAssess(actor)) throw new ForbiddenError();
  const input = AssessmentSchema.parse(await readJson(request));
  const { assessmentId } = await recordAssessment(actor, input, requestAddress(request));
  return json({ id: assessmentId, commitment: input.commitment, country: input.country, score: input.score }, { status: 200 });
});
