"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { createRoundAction, updateRoundAction } from "@/lib/actions/rounds";
import { useRouter } from "@/lib/i18n/navigation";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

type Values = { name: string; opensOn: string; closesOn: string; sessionNumber: string };
type Action = (previous: FormState<{ id: string }>, formData: FormData) => Promise<FormState<{ id: string }>>;

/** A reporting round: a name, a session and the days it is open (both included). */
export function RoundForm({ roundId, sessions, initial }: { roundId?: string; sessions: { number: number; title: string }[]; initial: Values }) {
  const t = useTranslations("rounds");
  const router = useRouter();
  const [state, action] = useActionState<FormState<{ id: string }>, FormData>((roundId ? updateRoundAction : createRoundAction) as Action, initialFormState);
  const created = !roundId && state.status === "success" ? state.data?.id : undefined;
  useEffect(() => {
    if (created) router.push(`/admin/rounds/${created}`);
  }, [created, router]);
  const values = { ...initial, ...(state.status === "error" ? state.values : {}) };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {roundId ? (
        <input type="hidden" name="roundId" value={roundId} />
      ) : (
        <div>
          <label htmlFor="sessionNumber" className="block text-sm font-medium">{t("session")}</label>
          {/* Keyed on its value: React does not move a mounted select's default, and the form resets to it. */}
          <select key={values.sessionNumber} id="sessionNumber" name="sessionNumber" defaultValue={values.sessionNumber} aria-describedby="sessionNumber-errors"
            className="mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2">
            {sessions.map((s) => <option key={s.number} value={s.number}>{s.title}</option>)}
          </select>
          <FieldErrors id="sessionNumber-errors" errors={errors.sessionNumber} />
        </div>
      )}
      <TextField name="name" label={t("name")} defaultValue={values.name} errors={errors.name} required />
      <TextField name="opensOn" type="date" label={t("opensOn")} defaultValue={values.opensOn} errors={errors.opensOn} required />
      <TextField name="closesOn" type="date" label={t("closesOn")} defaultValue={values.closesOn} errors={errors.closesOn} required />
      <div className="space-y-2 sm:col-span-2">
        <FormStatus state={state} />
        <SubmitButton>{roundId ? t("save") : t("create")}</SubmitButton>
      </div>
    </form>
  );
}
