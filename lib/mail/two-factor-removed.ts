// The notice a user receives when an admin removed their authenticator, in Arabic and in
// English: whoever lost a phone expects it, and whoever did not learns that someone with an
// admin's rights touched their account. Its words are in the catalogs (`mail`). Pure, so that it
// is unit-tested; translated with use-intl's core, without React, as the command-line scripts
// that import the data layer (`npm run user:create`) run without a bundler.
import { createTranslator } from "use-intl/core";
import { isolate } from "@/lib/i18n/bidi";
import { catalogs } from "@/lib/i18n/catalogs";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { bilingualMail } from "./bilingual";

export type TwoFactorRemovedContent = {
  recipientName: string;
  adminName: string;
  at: Date;
  /** Whether the admin got a set-password link for the user (roles that cannot sign in without an authenticator). */
  withLink: boolean;
};

const translator = (locale: Locale) => createTranslator({ locale, messages: catalogs[locale], namespace: "mail.twoFactorRemoved" });

function body(content: TwoFactorRemovedContent, locale: Locale): string[] {
  const t = translator(locale);
  const at = formatDateTime(content.at, locale);
  return [
    t("greeting", { name: isolate(content.recipientName) }),
    "",
    t("removed", { date: `${at.gregorian} (${at.hijri})`, admin: isolate(content.adminName) }),
    t(content.withLink ? "withLink" : "withoutLink"),
    "",
    t("notYou"),
  ];
}

export function twoFactorRemovedMail(content: TwoFactorRemovedContent): { subject: string; text: string } {
  return bilingualMail((locale) => {
    const t = translator(locale);
    return { subject: t("subject"), body: body(content, locale), footer: t("footer") };
  });
}
