// The reminder digest a delegate receives, in Arabic and in English: the commitments of their
// country that have no report in the open round(s). Its words are in the catalogs (`mail`).
// Pure, so that it is unit-tested.
import { createTranslator } from "use-intl/core";
import { isolate } from "@/lib/i18n/bidi";
import { catalogs } from "@/lib/i18n/catalogs";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { bilingualMail } from "./bilingual";

export type DigestRound = { name: string; closesOn: Date; sessionNumber: number };
export type DigestCommitment = { code: string; titleAr: string; titleEn: string };

export type ReminderDigestContent = {
  recipientName: string;
  country: { nameAr: string; nameEn: string };
  rounds: DigestRound[];
  commitments: DigestCommitment[];
  /** Where the delegate reports, e.g. https://tanfeeth.example.org; omitted when unknown. */
  baseUrl?: string | undefined;
};

/** A title in the wanted language, or the other one when the translation is missing. */
const title = (commitment: DigestCommitment, locale: Locale) =>
  (locale === "ar" ? commitment.titleAr || commitment.titleEn : commitment.titleEn || commitment.titleAr);

function closes(date: Date, locale: Locale): string {
  const formatted = formatDate(date, locale);
  return `${formatted.gregorian} (${formatted.hijri})`;
}

const translator = (locale: Locale) => createTranslator({ locale, messages: catalogs[locale], namespace: "mail.reminder" });

function body(content: ReminderDigestContent, locale: Locale): string[] {
  const t = translator(locale);
  return [
    t("greeting", { name: isolate(content.recipientName) }),
    "",
    t("intro", { country: locale === "ar" ? content.country.nameAr : content.country.nameEn }),
    ...content.rounds.map((round) => t("round", { name: isolate(round.name), session: round.sessionNumber, date: closes(round.closesOn, locale) })),
    "",
    ...content.commitments.map((c) => `- ${c.code}: ${title(c, locale)}`),
    ...(content.baseUrl ? ["", t("link", { url: `${content.baseUrl}/${locale}` })] : []),
  ];
}

export function reminderDigestMail(content: ReminderDigestContent): { subject: string; text: string } {
  const count = content.commitments.length;
  return bilingualMail((locale) => {
    const t = translator(locale);
    return { subject: t("subject", { count }), body: body(content, locale), footer: t("footer") };
  });
}
