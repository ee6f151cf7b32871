"use client";

import { useTranslations } from "next-intl";

/** Shown once, right after enrolment: the codes that replace the authenticator if it is lost. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("auth.twoFactor");
  return (
    <div role="status" className="space-y-3 rounded border border-amber-300 bg-amber-50 p-4">
      <p className="font-medium text-amber-900">{t("recoveryTitle")}</p>
      <p className="text-sm text-amber-900">{t("recoveryHint")}</p>
      <ul dir="ltr" className="grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </div>
  );
}
