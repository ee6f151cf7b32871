"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { setPasswordAction } from "@/lib/actions/password-link";
import { Link } from "@/lib/i18n/navigation";
import { FormStatus } from "./form-status";
import { RecoveryCodes } from "./recovery-codes";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

type Props = { token: string; totp: { secret: string; qrDataUrl: string } | null };

export function SetPasswordForm({ token, totp }: Props) {
  const t = useTranslations("auth.setPassword");
  const tf = useTranslations("auth.twoFactor");
  const [state, action] = useActionState(setPasswordAction, initialFormState);
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <FormStatus state={state} />
        {state.data ? <RecoveryCodes codes={state.data} /> : null}
        <Link href="/sign-in" className="inline-block rounded bg-brand-700 px-4 py-2 text-white">
          {t("goToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <TextField name="password" type="password" label={t("password")} autoComplete="new-password" dir="ltr"
        hint={t("passwordHint")} errors={state.fieldErrors?.password} required />
      <TextField name="confirmPassword" type="password" label={t("confirmPassword")} autoComplete="new-password" dir="ltr"
        errors={state.fieldErrors?.confirmPassword} required />
      {totp ? (
        <fieldset className="space-y-3 rounded border border-stone-200 p-4">
          <legend className="px-1 text-sm font-medium">{t("twoFactorRequired")}</legend>
          <p className="text-sm">{tf("scan")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={totp.qrDataUrl} alt={tf("qrAlt")} width={200} height={200} />
          <p className="text-sm">
            {tf("orEnter")} <code dir="ltr" className="break-all font-mono" data-testid="totp-secret">{totp.secret}</code>
          </p>
          <TextField name="totpCode" label={tf("code")} inputMode="numeric" autoComplete="one-time-code" dir="ltr"
            errors={state.fieldErrors?.totpCode} required />
        </fieldset>
      ) : null}
      <FormStatus state={state} />
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}
