"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { createSessionAction, updateSessionAction } from "@/lib/actions/council-sessions";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { useRouter } from "@/lib/i18n/navigation";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { TextareaField } from "./textarea-field";
import { TextField } from "./text-field";

export type SessionFormValues = {
  number: string;
  cityAr: string;
  cityEn: string;
  titleAr: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  communiqueAr: string;
  communiqueEn: string;
};

type Action = (previous: FormState<{ number: number }>, formData: FormData) => Promise<FormState<{ number: number }>>;

/** A council session's place, dates, titles and communiqué: new (then opened) or edited. */
export function SessionForm({ initial, mode }: { initial: SessionFormValues; mode: "create" | "update" }) {
  const t = useTranslations("secretariat.sessions");
  const router = useRouter();
  const [state, action] = useActionState<FormState<{ number: number }>, FormData>(
    (mode === "create" ? createSessionAction : updateSessionAction) as Action,
    initialFormState,
  );
  const created = mode === "create" && state.status === "success" && state.data ? state.data.number : null;
  useEffect(() => {
    if (created !== null) router.push(`/admin/sessions/${created}`);
  }, [created, router]);
  const values = { ...initial, ...(state.status === "error" ? state.values : {}) };
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid max-w-4xl gap-4 sm:grid-cols-2">
      {mode === "create" ? (
        <TextField name="number" type="number" label={t("number")} defaultValue={values.number} errors={errors.number} required />
      ) : (
        <input type="hidden" name="sessionNumber" value={initial.number} />
      )}
      <div className="hidden sm:block" />
      <TextField name="titleAr" label={t("titleAr")} dir="rtl" defaultValue={values.titleAr} errors={errors.titleAr} required />
      <TextField name="titleEn" label={t("titleEn")} dir="ltr" defaultValue={values.titleEn} errors={errors.titleEn} required />
      <TextField name="cityAr" label={t("cityAr")} dir="rtl" defaultValue={values.cityAr} errors={errors.cityAr} required />
      <TextField name="cityEn" label={t("cityEn")} dir="ltr" defaultValue={values.cityEn} errors={errors.cityEn} required />
      <TextField name="startsOn" type="date" label={t("startsOn")} defaultValue={values.startsOn} errors={errors.startsOn} required />
      <TextField name="endsOn" type="date" label={t("endsOn")} defaultValue={values.endsOn} errors={errors.endsOn} />
      <div className="sm:col-span-2">
        <TextareaField name="communiqueAr" label={t("communiqueAr")} dir="rtl" lang="ar" rows={8} defaultValue={values.communiqueAr}
          errors={errors.communiqueAr} hint={t("communiqueHint")} required />
      </div>
      <div className="sm:col-span-2">
        <TextareaField name="communiqueEn" label={t("communiqueEn")} dir="ltr" lang="en" rows={5} defaultValue={values.communiqueEn}
          errors={errors.communiqueEn} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <FormStatus state={state} />
        <SubmitButton>{mode === "create" ? t("create") : t("save")}</SubmitButton>
      </div>
    </form>
  );
}
