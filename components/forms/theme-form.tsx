"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { createThemeAction, updateThemeAction } from "@/lib/actions/themes";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { TextareaField } from "./textarea-field";
import { TextField } from "./text-field";

type Theme = { id: string; key: string; nameAr: string; nameEn: string; keywords: string[]; sortOrder: number };

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

/** A theme's names, position and the keywords from which the importer suggests it. */
export function ThemeForm({ theme }: { theme: Theme | null }) {
  const t = useTranslations("secretariat.themes");
  const [state, action] = useActionState<FormState, FormData>((theme ? updateThemeAction : createThemeAction) as Action, initialFormState);
  const id = (field: string) => `${theme?.key ?? "new"}-${field}`;
  const values = state.status === "error" ? state.values : undefined;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2" data-theme={theme?.key ?? "new"}>
      {theme ? (
        <input type="hidden" name="themeId" value={theme.id} />
      ) : (
        <TextField id={id("key")} name="key" label={t("key")} dir="ltr" defaultValue={values?.key} errors={errors.key} hint={t("keyHint")} required />
      )}
      <TextField id={id("sortOrder")} name="sortOrder" type="number" label={t("sortOrder")} defaultValue={values?.sortOrder ?? (theme ? String(theme.sortOrder) : "")}
        errors={errors.sortOrder} />
      <TextField id={id("nameAr")} name="nameAr" label={t("nameAr")} dir="rtl" defaultValue={values?.nameAr ?? theme?.nameAr} errors={errors.nameAr} required />
      <TextField id={id("nameEn")} name="nameEn" label={t("nameEn")} dir="ltr" defaultValue={values?.nameEn ?? theme?.nameEn} errors={errors.nameEn} required />
      <div className="sm:col-span-2">
        <TextareaField id={id("keywords")} name="keywords" label={t("keywords")} rows={5} dir="auto"
          defaultValue={values?.keywords ?? theme?.keywords.join("\n")} errors={errors.keywords} hint={t("keywordsHint")} />
      </div>
      <div className="space-y-2 sm:col-span-2">
        <FormStatus state={state} />
        <SubmitButton>{theme ? t("save") : t("create")}</SubmitButton>
      </div>
    </form>
  );
}
