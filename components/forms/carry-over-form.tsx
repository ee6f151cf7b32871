"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { carryOverAction } from "@/lib/actions/council-sessions";
import { initialFormState } from "@/lib/actions/form-state";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

type Candidate = { id: string; code: string; title: string; theme: string; closedCount: number };

/** Open commitments of earlier sessions, carried over (linked, history kept) in one step. */
export function CarryOverForm({ sessionNumber, candidates, countryTotal }: { sessionNumber: number; candidates: Candidate[]; countryTotal: number }) {
  const t = useTranslations("secretariat.carryOver");
  const [state, action] = useActionState(carryOverAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="sessionNumber" value={sessionNumber} />
      <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white">
        {candidates.map((c) => (
          <li key={c.id} className="flex items-start gap-3 px-3 py-2 text-sm">
            <input type="checkbox" id={`carry-${c.id}`} name={`carry:${c.id}`} className="mt-1" />
            <label htmlFor={`carry-${c.id}`} className="flex-1">
              <span className="font-mono" dir="ltr">{c.code}</span> — <bdi>{c.title}</bdi>
              <span className="block text-xs text-stone-500">
                <bdi>{c.theme}</bdi> · {t("closed", { closed: c.closedCount, total: countryTotal })}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <FieldErrors id="commitments-errors" errors={state.fieldErrors?.commitments} />
      <FormStatus state={state} />
      {state.status === "success" && state.data ? (
        <p className="text-sm" data-testid="carried-codes" dir="ltr">{state.data.codes.join(", ")}</p>
      ) : null}
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
