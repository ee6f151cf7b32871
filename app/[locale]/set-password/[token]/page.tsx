import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import QRCode from "qrcode";
import { ClientMessages } from "@/components/client-messages";
import { SetPasswordForm } from "@/components/forms/set-password-form";
import { openPasswordLink } from "@/lib/data/accounts";
import type { Locale } from "@/lib/i18n/routing";
import { isolate } from "@/lib/i18n/bidi";

type Props = PageProps<"/[locale]/set-password/[token]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "auth.setPassword" });
  return { title: t("title"), referrer: "no-referrer" };
}

// Public: the one-time token is the credential. An unknown, used or expired link says so.
export default async function SetPasswordPage({ params }: Props) {
  const { locale, token } = (await params) as { locale: Locale; token: string };
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "auth.setPassword" });
  const link = token.length <= 200 ? await openPasswordLink(token) : null;
  return (
    <ClientMessages namespaces={["auth", "forms"]}>
      <section className="mx-auto max-w-md rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h1 className="mb-2 text-xl font-semibold">{t("title")}</h1>
        {link ? (
          <>
            <p className="mb-6 text-sm text-stone-600">
              {t("intro", { name: isolate(link.name) })} <span dir="ltr">{link.email}</span>
            </p>
            <SetPasswordForm
              token={token}
              totp={link.totp ? { secret: link.totp.secret, qrDataUrl: await QRCode.toDataURL(link.totp.uri, { margin: 1, width: 200 }) } : null}
            />
          </>
        ) : (
          <p role="alert" className="text-sm text-rose-700">{t("invalidLink")}</p>
        )}
      </section>
    </ClientMessages>
  );
}
