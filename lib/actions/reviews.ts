"use server";

import { refresh } from "next/cache";
import { canReviewReports } from "@/lib/auth/permissions";
import { reviewReport } from "@/lib/data/reviews";
import { ReviewFormSchema } from "@/lib/validation/reports";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

export async function reviewReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "reviewReport", allowed: canReviewReports, schema: ReviewFormSchema }, async (actor, { reportId, ...input }, ip) => {
    await reviewReport(actor, reportId, input, ip);
    refresh();
    return { status: "success", message: input.decision === "VALIDATE" ? "reviews.validated" : "reviews.returned" };
  });
}
