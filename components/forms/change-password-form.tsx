"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

export function ChangePasswordForm() {
  const t = useTranslations("auth.account");
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="max-w-md space-y-4">
      <TextField name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" dir="ltr"
        errors={state.fieldErrors?.currentPassword} required />
      <TextField name="newPassword" type="password" label={t("newPassword")} autoComplete="new-password" dir="ltr"
        hint={t("passwordHint")} errors={state.fieldErrors?.newPassword} required />
      <TextField name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" dir="ltr"
        errors={state.fieldErrors?.confirmPassword} required />
      <FormStatus state={state} />
      <SubmitButton>{t("changePassword")}</SubmitButton>
    </form>
  );
}
