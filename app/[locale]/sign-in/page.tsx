import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { SignInForm } from "@/components/forms/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { redirect } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "auth.signIn" });
  return { title: t("title") };
}

/** Only a path inside this app may be the destination after sign-in. */
function safeNext(value: string | string[] | undefined, locale: Locale): string | null {
  return typeof value === "string" && new RegExp(`^/${locale}(/[\\w\\-/%.]*)?$`).test(value) ? value : null;
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  if (await getCurrentUser()) redirect({ href: "/", locale });
  const search = await searchParams;
  const next = safeNext(search.next, locale);
  // next-auth's own redirects (its error page is this one) put an error code in the URL: it
  // would tell whoever sees the address why a sign-in failed. Drop it.
  if (search.error !== undefined) redirect({ href: next ? { pathname: "/sign-in", query: { next } } : "/sign-in", locale });
  const t = await getTranslations({ locale, namespace: "auth.signIn" });
  return (
    <ClientMessages namespaces={["auth", "forms"]}>
      <section className="mx-auto max-w-sm rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{t("title")}</h1>
        <p className="mb-6 text-sm text-stone-600">{t("intro")}</p>
        <SignInForm next={next} />
      </section>
    </ClientMessages>
  );
}
