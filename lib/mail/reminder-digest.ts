// The reminder digest a delegate receives, in Arabic and in English: the commitments of their
// country that have no report in the open round(s). Pure, so that it is unit-tested.
import { isolate } from "@/lib/i18n/bidi";
import { formatDate } from "@/lib/i18n/format";

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
const title = (commitment: DigestCommitment, locale: "ar" | "en") =>
  (locale === "ar" ? commitment.titleAr || commitment.titleEn : commitment.titleEn || commitment.titleAr);

function closes(date: Date, locale: "ar" | "en"): string {
  const formatted = formatDate(date, locale);
  return `${formatted.gregorian} (${formatted.hijri})`;
}

export function reminderDigestMail(content: ReminderDigestContent): { subject: string; text: string } {
  const count = content.commitments.length;
  const subject = `تذكير: تقارير مطلوبة (${count}) — Reminder: ${count} commitment${count === 1 ? "" : "s"} without a report`;
  const arabic = [
    `السيد/السيدة ${isolate(content.recipientName)}،`,
    "",
    `لم تُقدَّم بعدُ تقارير ${content.country.nameAr} عن الالتزامات التالية في جولة الإبلاغ المفتوحة:`,
    ...content.rounds.map((round) => `• ${isolate(round.name)} (الدورة ${round.sessionNumber}) — تُغلق في ${closes(round.closesOn, "ar")}`),
    "",
    ...content.commitments.map((c) => `- ${c.code}: ${title(c, "ar")}`),
    ...(content.baseUrl ? ["", `للإبلاغ: ${content.baseUrl}/ar`] : []),
  ];
  const english = [
    `Dear ${isolate(content.recipientName)},`,
    "",
    `${content.country.nameEn} has not yet reported on the following commitments in the open reporting round:`,
    ...content.rounds.map((round) => `• ${isolate(round.name)} (session ${round.sessionNumber}) — closes on ${closes(round.closesOn, "en")}`),
    "",
    ...content.commitments.map((c) => `- ${c.code}: ${title(c, "en")}`),
    ...(content.baseUrl ? ["", `To report: ${content.baseUrl}/en`] : []),
  ];
  const footer = ["", "—", "تنفيذ · Tanfeeth — رسالة آلية، مرة في اليوم على الأكثر · an automatic message, at most once a day"];
  return { subject, text: [...arabic, "", "────────", "", ...english, ...footer].join("\n") };
}
