import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DualDate } from "@/components/dual-date";
import { CreateUserForm } from "@/components/forms/create-user-form";
import { UserRowActions } from "@/components/forms/user-row-actions";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageUsers } from "@/lib/auth/permissions";
import { listCountries } from "@/lib/data/countries";
import { listUsers } from "@/lib/data/users";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/users">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "admin.users" });
  return { title: t("title") };
}

export default async function UsersPage({ params }: PageProps<"/[locale]/admin/users">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canManageUsers);
  const [users, countryRows] = await Promise.all([listUsers(actor), listCountries()]);
  const countries = countryRows.map((c) => ({ code: c.code, name: pickLocalized(c, "name", locale) }));
  const countryName = new Map(countries.map((c) => [c.code, c.name]));
  const t = await getTranslations({ locale, namespace: "admin.users" });
  const tc = await getTranslations({ locale, namespace: "common" });

  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="create-heading" className="space-y-4">
        <h2 id="create-heading" className="text-lg font-semibold">{t("createHeading")}</h2>
        <CreateUserForm countries={countries} />
      </section>
      <section aria-labelledby="list-heading" className="space-y-3">
        <h2 id="list-heading" className="text-lg font-semibold">{t("listHeading", { count: users.length })}</h2>
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full divide-y divide-stone-200 text-sm">
            <thead className="bg-stone-50">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t("name")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("email")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("role")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("country")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("state")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("lastSignIn")}</th>
                <th scope="col" className="px-3 py-2 text-start">{t("actions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {users.map((user) => (
                <tr key={user.id} data-user={user.email} className={user.active ? "" : "text-stone-400"}>
                  <td className="px-3 py-2">{user.name}</td>
                  <td className="px-3 py-2" dir="ltr">{user.email}</td>
                  <td className="px-3 py-2">{tc(`roles.${user.role}`)}</td>
                  <td className="px-3 py-2">{user.countryCode ? countryName.get(user.countryCode) : "—"}</td>
                  <td className="px-3 py-2">
                    {user.active ? t("active") : t("inactive")}
                    {user.totpEnabled ? ` · ${t("twoFactorOn")}` : ""}
                  </td>
                  <td className="px-3 py-2">{user.lastSignInAt ? <DualDate date={user.lastSignInAt} withTime /> : "—"}</td>
                  <td className="px-3 py-2 align-top">
                    {user.id === actor.id ? null : <UserRowActions user={user} countries={countries} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
