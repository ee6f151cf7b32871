"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { createCommitmentAction, updateCommitmentAction } from "@/lib/actions/council-sessions";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { useRouter } from "@/lib/i18n/navigation";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { TextareaField } from "./textarea-field";
import { TextField } from "./text-field";

export type CommitmentFormValues = {
  code: string;
  themeKey: string;
  titleAr: string;
  titleEn: string;
  textAr: string;
  textEn: string;
  sourceAr: string;
  dueRule: "none" | "date" | "daysBefore";
  dueDate: string;
  dueDaysBeforeNextSession: string;
  previousCode: string;
  linkKind: "" | "CONTINUES" | "AMENDS";
};

type Props = {
  target: { sessionNumber: number } | { commitmentId: string };
  initial: CommitmentFormValues;
  themes: { key: string; name: string }[];
};

type Action = (previous: FormState<{ code: string }>, formData: FormData) => Promise<FormState<{ code: string }>>;

const selectClass = "mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2";

/** A commitment's code, theme, words in both languages, due rule and link to an earlier commitment. */
export function CommitmentForm({ target, initial, themes }: Props) {
  const t = useTranslations("secretariat.commitments");
  const router = useRouter();
  const creating = "sessionNumber" in target;
  const [state, action] = useActionState<FormState<{ code: string }>, FormData>(
    (creating ? createCommitmentAction : updateCommitmentAction) as Action,
    initialFormState,
  );
  const values = { ...initial, ...(state.status === "error" ? state.values : {}) } as CommitmentFormValues;
  const [dueRule, setDueRule] = useState(values.dueRule);
  const errors = state.fieldErrors ?? {};
  const saved = state.status === "success" ? state.data?.code : undefined;
  // A new code moves the commitment's page; follow it.
  useEffect(() => {
    if (saved && !creating && saved !== initial.code) router.replace(`/admin/commitments/${saved}`);
  }, [saved, creating, initial.code, router]);
  const prefix = creating ? "new-" : "";
  return (
    <form action={action} className="grid max-w-4xl gap-4 sm:grid-cols-2" key={creating && saved ? saved : "form"}>
      {"sessionNumber" in target ? <input type="hidden" name="sessionNumber" value={target.sessionNumber} /> : null}
      {"commitmentId" in target ? <input type="hidden" name="commitmentId" value={target.commitmentId} /> : null}
      <TextField id={`${prefix}code`} name="code" label={t("code")} dir="ltr" defaultValue={values.code} errors={errors.code} hint={t("codeHint")} required />
      <div>
        <label htmlFor={`${prefix}themeKey`} className="block text-sm font-medium">{t("theme")}</label>
        {/* Keyed on its value: React does not move a mounted select's default, and the form resets to it. */}
        <select key={values.themeKey} id={`${prefix}themeKey`} name="themeKey" defaultValue={values.themeKey} className={selectClass} aria-describedby={`${prefix}themeKey-errors`}>
          {themes.map((theme) => <option key={theme.key} value={theme.key}>{theme.name}</option>)}
        </select>
        <FieldErrors id={`${prefix}themeKey-errors`} errors={errors.themeKey} />
      </div>
      <TextField id={`${prefix}titleAr`} name="titleAr" label={t("titleAr")} dir="rtl" defaultValue={values.titleAr} errors={errors.titleAr} />
      <TextField id={`${prefix}titleEn`} name="titleEn" label={t("titleEn")} dir="ltr" defaultValue={values.titleEn} errors={errors.titleEn} />
      <TextareaField id={`${prefix}textAr`} name="textAr" label={t("textAr")} dir="rtl" lang="ar" defaultValue={values.textAr} errors={errors.textAr} />
      <TextareaField id={`${prefix}textEn`} name="textEn" label={t("textEn")} dir="ltr" lang="en" defaultValue={values.textEn} errors={errors.textEn} />
      <div className="sm:col-span-2">
        <TextareaField id={`${prefix}sourceAr`} name="sourceAr" label={t("source")} dir="auto" rows={3} defaultValue={values.sourceAr}
          errors={errors.sourceAr} hint={t("sourceHint")} />
      </div>
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="text-sm font-medium">{t("due")}</legend>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
          {(["none", "date", "daysBefore"] as const).map((rule) => (
            <label key={rule} className="flex items-center gap-2">
              <input type="radio" name="dueRule" value={rule} checked={dueRule === rule} onChange={() => setDueRule(rule)} />
              {t(`dueRule.${rule}`)}
            </label>
          ))}
        </div>
        {dueRule === "date" ? (
          <TextField id={`${prefix}dueDate`} name="dueDate" type="date" label={t("dueDate")} defaultValue={values.dueDate} errors={errors.dueDate} required />
        ) : null}
        {dueRule === "daysBefore" ? (
          <TextField id={`${prefix}dueDays`} name="dueDaysBeforeNextSession" type="number" label={t("dueDays")} defaultValue={values.dueDaysBeforeNextSession}
            errors={errors.dueDaysBeforeNextSession} required />
        ) : null}
      </fieldset>
      <TextField id={`${prefix}previousCode`} name="previousCode" label={t("previousCode")} dir="ltr" defaultValue={values.previousCode} errors={errors.previousCode}
        hint={t("previousHint")} />
      <div>
        <label htmlFor={`${prefix}linkKind`} className="block text-sm font-medium">{t("linkKind")}</label>
        <select key={values.linkKind} id={`${prefix}linkKind`} name="linkKind" defaultValue={values.linkKind} className={selectClass} aria-describedby={`${prefix}linkKind-errors`}>
          <option value="">{t("link.none")}</option>
          <option value="CONTINUES">{t("link.CONTINUES")}</option>
          <option value="AMENDS">{t("link.AMENDS")}</option>
        </select>
        <FieldErrors id={`${prefix}linkKind-errors`} errors={errors.linkKind} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <FormStatus state={state} />
        <SubmitButton>{creating ? t("create") : t("save")}</SubmitButton>
      </div>
    </form>
  );
}
