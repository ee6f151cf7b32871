"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { sendRemindersAction } from "@/lib/actions/rounds";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

/** Sends today's reminder digest to the delegates of every country with missing reports, or of one. */
export function SendRemindersForm({ roundId, countryCode, label }: { roundId: string; countryCode?: string; label: string }) {
  const t = useTranslations("rounds");
  const [state, action] = useActionState(sendRemindersAction, initialFormState);
  const outcome = state.status === "success" ? state.data : undefined;
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="roundId" value={roundId} />
      {countryCode ? <input type="hidden" name="countryCode" value={countryCode} /> : null}
      <SubmitButton variant={countryCode ? "secondary" : "primary"}>{label}</SubmitButton>
      <FormStatus state={state} />
      {outcome ? (
        <p className="text-sm text-stone-700" role="status" data-testid="reminder-outcome">
          {t("outcome", { notified: outcome.notified, emailed: outcome.emailed, emailFailed: outcome.emailFailed, alreadyToday: outcome.alreadyToday })}
          {outcome.withoutDelegate.length > 0 ? ` ${t("withoutDelegate", { countries: outcome.withoutDelegate.join(", ") })}` : ""}
        </p>
      ) : null}
    </form>
  );
}
