import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DualDate } from "@/components/dual-date";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { SignOutEverywhereForm } from "@/components/forms/sign-out-everywhere-form";
import { TwoFactorSettings } from "@/components/forms/two-factor-settings";
import { requirePageUser } from "@/lib/auth/page-guards";
import { requiresTwoFactor } from "@/lib/auth/permissions";
import { getAccountSummary } from "@/lib/data/accounts";
import { pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/account">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "auth.account" });
  return { title: t("title") };
}

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePageUser(locale);
  const account = await getAccountSummary(actor);
  const t = await getTranslations({ locale, namespace: "auth.account" });
  const tc = await getTranslations({ locale, namespace: "common" });
  const country =
    account.countryNameAr && account.countryNameEn
      ? pickLocalized({ nameAr: account.countryNameAr, nameEn: account.countryNameEn }, "name", locale)
      : null;

  return (
    <ClientMessages namespaces={["auth", "forms"]}>
      <div className="space-y-10">
        <header>
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
            <dt className="text-stone-500">{t("name")}</dt>
            <dd>{account.name}</dd>
            <dt className="text-stone-500">{t("email")}</dt>
            <dd dir="ltr" className="text-start">{account.email}</dd>
            <dt className="text-stone-500">{t("role")}</dt>
            <dd>{tc(`roles.${account.role}`)}</dd>
            {country ? (
              <>
                <dt className="text-stone-500">{t("country")}</dt>
                <dd>{country}</dd>
              </>
            ) : null}
            <dt className="text-stone-500">{t("lastSignIn")}</dt>
            <dd>{account.lastSignInAt ? <DualDate date={account.lastSignInAt} withTime /> : "—"}</dd>
          </dl>
        </header>

        <section aria-labelledby="password-heading" className="space-y-4">
          <h2 id="password-heading" className="text-lg font-semibold">{t("passwordHeading")}</h2>
          <ChangePasswordForm />
        </section>

        <section aria-labelledby="two-factor-heading" className="space-y-4">
          <h2 id="two-factor-heading" className="text-lg font-semibold">{t("twoFactorHeading")}</h2>
          <TwoFactorSettings enabled={account.totpEnabled} required={requiresTwoFactor(account.role)} />
        </section>

        <section aria-labelledby="sessions-heading" className="space-y-4">
          <h2 id="sessions-heading" className="text-lg font-semibold">{t("sessionsHeading")}</h2>
          <SignOutEverywhereForm />
        </section>
      </div>
    </ClientMessages>
  );
}
