"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { reviewReportAction } from "@/lib/actions/reviews";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { useHydrated } from "./use-hydrated";
import { SubmitButton } from "./submit-button";

/** The secretariat's decision on the pair's latest report: validate, or return with a comment. */
export function ReviewForm({ reportId, version }: { reportId: string; version: number }) {
  const t = useTranslations("reporting.review");
  const [state, action] = useActionState(reviewReportAction, initialFormState);
  const hydrated = useHydrated();
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-3" data-testid="review-form" data-hydrated={hydrated}>
      <input type="hidden" name="reportId" value={reportId} />
      <p className="text-sm text-stone-600">{t("intro", { version })}</p>
      <fieldset>
        <legend className="text-sm font-medium">{t("decision")}</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {(["VALIDATE", "RETURN"] as const).map((decision) => (
            <label key={decision} className="flex items-center gap-2">
              <input type="radio" name="decision" value={decision} defaultChecked={(values?.decision ?? "VALIDATE") === decision} />
              {t(decision)}
            </label>
          ))}
        </div>
        <FieldErrors id="decision-errors" errors={state.fieldErrors?.decision} />
      </fieldset>
      <div>
        <label htmlFor="review-comment" className="block text-sm font-medium">{t("comment")}</label>
        <textarea id="review-comment" name="comment" rows={3} dir="auto" defaultValue={values?.comment ?? ""}
          aria-describedby="review-comment-hint review-comment-errors"
          className="mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2" />
        <p id="review-comment-hint" className="mt-1 text-xs text-stone-500">{t("commentHint")}</p>
        <FieldErrors id="review-comment-errors" errors={state.fieldErrors?.comment} />
      </div>
      <FormStatus state={state} />
      <SubmitButton>{t("record")}</SubmitButton>
    </form>
  );
}
