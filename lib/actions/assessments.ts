"use server";

import { refresh } from "next/cache";
import { canAssess } from "@/lib/auth/permissions";
import { recordAssessment } from "@/lib/data/assessments";
import { AssessmentFormSchema } from "@/lib/validation/reports";
import type { FormState } from "./form-state";
import { runAction } from "./run-action";

export async function recordAssessmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(formData, { name: "recordAssessment", allowed: canAssess, schema: AssessmentFormSchema }, async (actor, input, ip) => {
    await recordAssessment(actor, input, ip);
    refresh();
    return { status: "success", message: "assessments.recorded" };
  });
}
