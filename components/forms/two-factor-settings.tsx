"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmTotpEnrollmentAction, disableTotpAction, startTotpEnrollmentAction } from "@/lib/actions/account";
import { initialFormState } from "@/lib/actions/form-state";
import { FormStatus } from "./form-status";
import { RecoveryCodes } from "./recovery-codes";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

/** Enrol an authenticator app (scan, confirm with a code, keep the recovery codes), or turn it off. */
export function TwoFactorSettings({ enabled, required }: { enabled: boolean; required: boolean }) {
  const t = useTranslations("auth.twoFactor");
  const [started, start] = useActionState(startTotpEnrollmentAction, initialFormState);
  const [confirmed, confirm] = useActionState(confirmTotpEnrollmentAction, initialFormState);
  const [disabled, disable] = useActionState(disableTotpAction, initialFormState);

  if (confirmed.status === "success" && confirmed.data) {
    return <RecoveryCodes codes={confirmed.data} />;
  }
  if (started.status === "success" && started.data) {
    const { qrDataUrl, secret } = started.data;
    return (
      <div className="space-y-4">
        <p className="text-sm">{t("scan")}</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
        <img src={qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded border border-stone-200" />
        <p className="text-sm">
          {t("orEnter")} <code dir="ltr" className="break-all rounded bg-stone-100 px-1 font-mono" data-testid="totp-secret">{secret}</code>
        </p>
        <form action={confirm} className="max-w-xs space-y-3">
          <TextField name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" dir="ltr"
            errors={confirmed.fieldErrors?.code} required />
          <FormStatus state={confirmed} />
          <SubmitButton>{t("confirm")}</SubmitButton>
        </form>
      </div>
    );
  }
  if (enabled && disabled.status !== "success") {
    return (
      <div className="space-y-3">
        <p className="text-sm text-emerald-800">{t("enabled")}</p>
        {required ? (
          <p className="text-sm text-stone-600">{t("requiredForRole")}</p>
        ) : (
          <form action={disable} className="max-w-xs space-y-3">
            <TextField name="code" label={t("codeToDisable")} inputMode="numeric" autoComplete="one-time-code" dir="ltr"
              errors={disabled.fieldErrors?.code} required />
            <FormStatus state={disabled} />
            <SubmitButton variant="secondary">{t("disable")}</SubmitButton>
          </form>
        )}
        <form action={start}>
          <SubmitButton variant="secondary">{t("replace")}</SubmitButton>
        </form>
      </div>
    );
  }
  return (
    <form action={start} className="space-y-3">
      <p className="text-sm text-stone-600">{required ? t("requiredForRole") : t("optional")}</p>
      <FormStatus state={disabled.status === "success" ? disabled : started} />
      <SubmitButton>{t("enable")}</SubmitButton>
    </form>
  );
}
