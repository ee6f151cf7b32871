import { z } from "zod";
import { apiRoute, requestAddress } from "@/lib/api/handler";
import { readJson } from "@/lib/api/body";
import { json } from "@/lib/api/respond";
import { canReviewReports } from "@/lib/auth/permissions";
import { reviewReport } from "@/lib/data/reviews";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { ReviewSchema } from "@/lib/validation/reports";

export const dynamic = "force-dynamic";

/** POST /api/v1/reports/{id}/review — the secretariat validates or returns a report (201; 409 if superseded or already decided). */
export const POST = apiRoute<{ id: string }>(async (request, actor, { id }) => {
  if (!canReviewReports(actor)) throw new ForbiddenError();
  const input = ReviewSchema.parse(await readJson(request));
  if (!z.uuid().safeParse(id).success) throw new NotFoundError("report");
  const { reviewId } = await reviewReport(actor, id, input, requestAddress(request));
  return json({ id: reviewId, report: id, decision: input.decision }, { status: 201 });
});
