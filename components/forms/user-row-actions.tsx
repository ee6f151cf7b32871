"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { issuePasswordLinkAction, resetTwoFactorAction, setUserActiveAction, updateUserAction } from "@/lib/actions/users";
import { FormStatus } from "./form-status";
import { PasswordLinkNotice } from "./password-link-notice";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

type Props = {
  user: { id: string; name: string; role: string; countryCode: string | null; active: boolean; totpEnabled: boolean };
  countries: { code: string; name: string }[];
};

const ROLES = ["DELEGATE", "SECRETARIAT", "OBSERVER", "ADMIN"] as const;

/** Per-user administration: role and country, activity, a new set-password link, a lost authenticator. */
export function UserRowActions({ user, countries }: Props) {
  const t = useTranslations("admin.users");
  const tr = useTranslations("common.roles");
  const [updated, update] = useActionState(updateUserAction, initialFormState);
  const [activity, setActive] = useActionState(setUserActiveAction, initialFormState);
  const [link, issue] = useActionState(issuePasswordLinkAction, initialFormState);
  const [reset, resetTwoFactor] = useActionState(resetTwoFactorAction, initialFormState);
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700">{t("manage")}</summary>
      <div className="mt-3 space-y-4">
        <form action={update} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="flex flex-col">
            <span>{t("name")}</span>
            <input name="name" defaultValue={user.name} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <label className="flex flex-col">
            <span>{t("role")}</span>
            <select name="role" defaultValue={user.role} className="rounded border border-stone-300 px-2 py-1">
              {ROLES.map((role) => <option key={role} value={role}>{tr(role)}</option>)}
            </select>
          </label>
          <label className="flex flex-col">
            <span>{t("country")}</span>
            <select name="countryCode" defaultValue={user.countryCode ?? ""} className="rounded border border-stone-300 px-2 py-1">
              <option value="">{t("noCountry")}</option>
              {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
          </label>
          <SubmitButton variant="secondary">{t("save")}</SubmitButton>
          <FormStatus state={updated} />
        </form>
        <div className="flex flex-wrap gap-2">
          <form action={setActive}>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            <SubmitButton variant={user.active ? "danger" : "secondary"}>{user.active ? t("deactivate") : t("reactivate")}</SubmitButton>
          </form>
          <form action={issue}>
            <input type="hidden" name="userId" value={user.id} />
            <SubmitButton variant="secondary">{t("issueLink")}</SubmitButton>
          </form>
        </div>
        <FormStatus state={activity.status !== "idle" ? activity : link} />
        {link.status === "success" && link.data ? <PasswordLinkNotice link={link.data} /> : null}
        {reset.status === "success" ? (
          // Once done, only the outcome (and the link, shown once): no second click can replace it.
          <div className="space-y-2" data-testid="reset-two-factor">
            <FormStatus state={reset} />
            {reset.data ? <PasswordLinkNotice link={reset.data} /> : null}
          </div>
        ) : user.totpEnabled ? (
          <form action={resetTwoFactor} className="space-y-2" data-testid="reset-two-factor">
            <input type="hidden" name="userId" value={user.id} />
            <p className="text-stone-600">{t("removeTwoFactorExplain")}</p>
            <TextField id={`reset-code-${user.id}`} name="code" label={t("ownCode")} inputMode="numeric" autoComplete="one-time-code" dir="ltr"
              errors={reset.fieldErrors?.code} required />
            <SubmitButton variant="danger">{t("removeTwoFactor")}</SubmitButton>
            <FormStatus state={reset} />
          </form>
        ) : null}
      </div>
    </details>
  );
}
