"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { createUserAction } from "@/lib/actions/users";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { PasswordLinkNotice } from "./password-link-notice";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

type Country = { code: string; name: string };
const ROLES = ["DELEGATE", "SECRETARIAT", "OBSERVER", "ADMIN"] as const;

export function CreateUserForm({ countries }: { countries: Country[] }) {
  const t = useTranslations("admin.users");
  const tr = useTranslations("common.roles");
  const [state, action] = useActionState(createUserAction, initialFormState);
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      <TextField name="email" type="email" label={t("email")} dir="ltr" defaultValue={values?.email} errors={state.fieldErrors?.email} required />
      <TextField name="name" label={t("name")} defaultValue={values?.name} errors={state.fieldErrors?.name} required />
      <div>
        <label htmlFor="role" className="block text-sm font-medium">{t("role")}</label>
        {/* Keyed on their values: React does not move a mounted select's default, and the form resets to it. */}
        <select key={values?.role ?? "DELEGATE"} id="role" name="role" defaultValue={values?.role ?? "DELEGATE"} aria-describedby="role-errors"
          className="mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2">
          {ROLES.map((role) => (
            <option key={role} value={role}>{tr(role)}</option>
          ))}
        </select>
        <FieldErrors id="role-errors" errors={state.fieldErrors?.role} />
      </div>
      <div>
        <label htmlFor="countryCode" className="block text-sm font-medium">{t("country")}</label>
        <select key={values?.countryCode ?? ""} id="countryCode" name="countryCode" defaultValue={values?.countryCode ?? ""} aria-describedby="countryCode-errors"
          className="mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2">
          <option value="">{t("noCountry")}</option>
          {countries.map((country) => (
            <option key={country.code} value={country.code}>{country.name}</option>
          ))}
        </select>
        <FieldErrors id="countryCode-errors" errors={state.fieldErrors?.countryCode} />
      </div>
      <div className="space-y-3 sm:col-span-2">
        <FormStatus state={state} />
        {state.status === "success" && state.data ? <PasswordLinkNotice link={state.data} /> : null}
        <SubmitButton>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}
