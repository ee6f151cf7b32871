"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { initialFormState } from "@/lib/actions/form-state";
import { handOverCountryAction } from "@/lib/actions/users";
import { FieldErrors } from "./field-errors";
import { FormStatus } from "./form-status";
import { PasswordLinkNotice } from "./password-link-notice";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

type Props = {
  countries: { code: string; name: string; delegates: string[] }[];
  users: { id: string; label: string }[];
};

const select = "mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2";

/** Hands a country over to a new delegate: an existing account or a new one. */
export function HandOverForm({ countries, users }: Props) {
  const t = useTranslations("admin.users.handover");
  const [state, action] = useActionState(handOverCountryAction, initialFormState);
  const [country, setCountry] = useState(countries[0]?.code ?? "");
  const [who, setWho] = useState<"existing" | "new">("existing");
  const current = countries.find((c) => c.code === country)?.delegates ?? [];
  const errors = state.fieldErrors ?? {};
  // What was sent, after a refusal: React resets the form after an action.
  const values = state.status === "error" ? state.values : undefined;
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="handover-country" className="block text-sm font-medium">{t("country")}</label>
        <select id="handover-country" name="countryCode" value={country} onChange={(e) => setCountry(e.target.value)} className={select}>
          {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
        <p className="mt-1 text-xs text-stone-600" data-testid="current-delegates">
          {current.length ? t("current", { delegates: current.join(", ") }) : t("noCurrent")}
        </p>
      </div>
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium">{t("newDelegate")}</legend>
        {/* Named, so that the choice is echoed after a refusal: the form's reset unchecks a controlled radio. */}
        <label className="flex items-center gap-2">
          <input key={`existing-${values?.who}`} type="radio" name="who" value="existing" defaultChecked={who === "existing"} onChange={() => setWho("existing")} />{" "}
          {t("existing")}
        </label>
        <label className="flex items-center gap-2">
          <input key={`new-${values?.who}`} type="radio" name="who" value="new" defaultChecked={who === "new"} onChange={() => setWho("new")} /> {t("newAccount")}
        </label>
      </fieldset>
      {who === "existing" ? (
        <div className="sm:col-span-2">
          <label htmlFor="handover-user" className="block text-sm font-medium">{t("user")}</label>
          {/* Keyed on its value: React does not move a mounted select's default, and the form resets to it. */}
          <select key={values?.newUserId ?? ""} id="handover-user" name="newUserId" className={select} aria-describedby="handover-user-errors"
            defaultValue={values?.newUserId ?? ""}>
            <option value="" disabled>{t("chooseUser")}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.label}</option>)}
          </select>
          <FieldErrors id="handover-user-errors" errors={errors.newUserId} />
        </div>
      ) : (
        <>
          <TextField id="handover-email" name="newEmail" type="email" dir="ltr" label={t("email")} defaultValue={values?.newEmail} errors={errors.newEmail ?? errors.newUserId} required />
          <TextField id="handover-name" name="newName" label={t("name")} defaultValue={values?.newName} errors={errors.newName} required />
        </>
      )}
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input key={values?.keepPrevious ?? ""} type="checkbox" name="keepPrevious" defaultChecked={values?.keepPrevious === "on"} /> {t("keepPrevious")}
      </label>
      <p className="text-xs text-stone-600 sm:col-span-2">{t("explain")}</p>
      <div className="space-y-2 sm:col-span-2">
        <FormStatus state={state} />
        {state.status === "success" && state.data ? <PasswordLinkNotice link={state.data} /> : null}
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
