"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { recordAssessmentAction } from "@/lib/actions/assessments";
import { SCORES } from "@/lib/assessment-scale";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { useHydrated } from "./use-hydrated";
import { SubmitButton } from "./submit-button";

type Props = { commitment: string; country: string; baseAssessmentId: string | null; currentScore: number | null };

/** The secretariat's independent assessment of the pair (−1, 0, +1) with its rationale. */
export function AssessmentForm({ commitment, country, baseAssessmentId, currentScore }: Props) {
  const t = useTranslations("reporting.assessment");
  const [state, action] = useActionState(recordAssessmentAction, initialFormState);
  const hydrated = useHydrated();
  // Based on the assessment shown when the form was opened: another officer's in between is a conflict.
  const [base] = useState(baseAssessmentId ?? "");
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="space-y-3" data-testid="assessment-form" data-hydrated={hydrated}>
      <input type="hidden" name="commitment" value={commitment} />
      <input type="hidden" name="country" value={country} />
      <input type="hidden" name="baseAssessmentId" value={state.status === "success" ? (baseAssessmentId ?? "") : base} />
      <fieldset>
        <legend className="text-sm font-medium">{t("score")}</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {SCORES.map((score) => (
            <label key={score} className="flex items-center gap-2">
              <input type="radio" name="score" value={String(score)}
                defaultChecked={(values?.score ?? (currentScore === null ? "" : String(currentScore))) === String(score)} />
              {t(`scores.${score}` as "scores.0")}
            </label>
          ))}
        </div>
        <FieldErrors id="score-errors" errors={state.fieldErrors?.score} />
      </fieldset>
      <div>
        <label htmlFor="rationale" className="block text-sm font-medium">{t("rationale")}</label>
        <textarea id="rationale" name="rationale" rows={3} dir="auto" defaultValue={values?.rationale ?? ""}
          aria-describedby="rationale-errors" className="mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2" />
        <FieldErrors id="rationale-errors" errors={state.fieldErrors?.rationale} />
      </div>
      <FormStatus state={state} />
      <SubmitButton>{t("record")}</SubmitButton>
    </form>
  );
}
