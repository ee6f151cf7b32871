import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DataTable } from "@/components/data-table";
import { DualDate } from "@/components/dual-date";
import { CreateUserForm } from "@/components/forms/create-user-form";
import { HandOverForm } from "@/components/forms/handover-form";
import { UserRowActions } from "@/components/forms/user-row-actions";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canManageUsers } from "@/lib/auth/permissions";
import { listCountries } from "@/lib/data/countries";
import { listActiveDelegates, listUsers } from "@/lib/data/users";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import { isolate } from "@/lib/i18n/bidi";
import type { Locale } from "@/lib/i18n/routing";
import { searchParamsObject } from "@/lib/validation/common";
import { UserFilterSchema } from "@/lib/validation/users";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/users">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "admin.users" });
  return { title: t("title") };
}

const ROLES = ["DELEGATE", "SECRETARIAT", "OBSERVER", "ADMIN"] as const;

export default async function UsersPage({ params, searchParams }: PageProps<"/[locale]/admin/users">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canManageUsers);
  const parsed = UserFilterSchema.safeParse(searchParamsObject(await searchParams));
  const filter = parsed.success ? parsed.data : { q: null, role: null, country: null, state: "all" as const };
  const filtered = Boolean(filter.q || filter.role || filter.country || filter.state !== "all");
  const [users, countryRows, delegates, everyone] = await Promise.all([
    listUsers(actor, filter),
    listCountries(),
    listActiveDelegates(actor),
    listUsers(actor, { state: "all" }),
  ]);
  const countries = countryRows.map((c) => ({ code: c.code, name: pickLocalized(c, "name", locale) }));
  const countryName = new Map(countries.map((c) => [c.code, c.name]));
  const t = await getTranslations({ locale, namespace: "admin.users" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const delegatesOf = new Map(delegates.map((d) => [d.countryCode, d.delegates.map((u) => isolate(u.name))]));
  const field = "mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2";

  return (
    <ClientMessages namespaces={["admin", "common", "forms"]}>
      <div className="space-y-10">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <section aria-labelledby="create-heading" className="space-y-4">
          <h2 id="create-heading" className="text-lg font-semibold">{t("createHeading")}</h2>
          <CreateUserForm countries={countries} />
        </section>
        <section aria-labelledby="handover-heading" className="space-y-4">
          <h2 id="handover-heading" className="text-lg font-semibold">{t("handover.heading")}</h2>
          <HandOverForm
            countries={countries.map((c) => ({ ...c, delegates: delegatesOf.get(c.code) ?? [] }))}
            users={everyone
              .filter((u) => u.id !== actor.id)
              .map((u) => ({ id: u.id, label: `${isolate(u.name)} <${u.email}> — ${tc(`roles.${u.role}`)}${u.countryCode ? ` · ${u.countryCode}` : ""}${u.active ? "" : ` (${t("inactive")})`}` }))}
          />
        </section>
        <section aria-labelledby="list-heading" className="space-y-3">
          <h2 id="list-heading" className="text-lg font-semibold">
            {filtered ? t("filteredHeading", { count: users.length }) : t("listHeading", { count: users.length })}
          </h2>
          <form method="get" role="search" aria-label={t("filters")} className="grid gap-3 rounded-lg border border-stone-200 bg-white p-3 text-sm sm:grid-cols-5">
            <label className="sm:col-span-2">
              {t("search")}
              <input name="q" defaultValue={filter.q ?? ""} className={field} />
            </label>
            <label>
              {t("role")}
              <select name="role" defaultValue={filter.role ?? ""} className={field}>
                <option value="">{t("any")}</option>
                {ROLES.map((role) => <option key={role} value={role}>{tc(`roles.${role}`)}</option>)}
              </select>
            </label>
            <label>
              {t("country")}
              <select name="country" defaultValue={filter.country ?? ""} className={field}>
                <option value="">{t("any")}</option>
                {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
              </select>
            </label>
            <label>
              {t("state")}
              <select name="state" defaultValue={filter.state} className={field}>
                <option value="all">{t("any")}</option>
                <option value="active">{t("active")}</option>
                <option value="inactive">{t("inactive")}</option>
              </select>
            </label>
            <div className="flex items-center gap-3 sm:col-span-5">
              <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("applyFilters")}</button>
              {filtered ? <Link href="/admin/users" className="text-brand-700 hover:underline">{t("clearFilters")}</Link> : null}
            </div>
          </form>
          <DataTable columns={[t("name"), t("email"), t("role"), t("country"), t("state"), t("lastSignIn"), t("actions")]}>
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
          </DataTable>
        </section>
      </div>
    </ClientMessages>
  );
}
