"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateCommuniqueAction } from "@/lib/actions/council-sessions";
import { initialFormState } from "@/lib/actions/form-state";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { TextareaField } from "./textarea-field";

/** Pastes (or replaces) the session's communiqué in one language; the proposals follow from it. */
export function CommuniqueForm({ sessionNumber, language, defaultValue }: { sessionNumber: number; language: "ar" | "en"; defaultValue: string }) {
  const t = useTranslations("secretariat.import");
  const [state, action] = useActionState(updateCommuniqueAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="sessionNumber" value={sessionNumber} />
      <input type="hidden" name="language" value={language} />
      <TextareaField name="text" label={t(language === "ar" ? "arabicText" : "englishText")} rows={10} dir={language === "ar" ? "rtl" : "ltr"}
        lang={language} defaultValue={state.status === "error" ? state.values?.text : defaultValue} errors={state.fieldErrors?.text} />
      <FormStatus state={state} />
      <SubmitButton>{t("propose")}</SubmitButton>
    </form>
  );
}
