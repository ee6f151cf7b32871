// The shape every e-mail of the app shares: Arabic first, then English — both subjects in one
// line, both texts one after the other, and the app's footer in both.
import type { Locale } from "@/lib/i18n/routing";

export type MailPart = { subject: string; body: string[]; footer: string };

export function bilingualMail(part: (locale: Locale) => MailPart): { subject: string; text: string } {
  const [ar, en] = [part("ar"), part("en")];
  return {
    subject: `${ar.subject} — ${en.subject}`,
    text: [...ar.body, "", "────────", "", ...en.body, "", "—", `تنفيذ · Tanfeeth — ${ar.footer} · ${en.footer}`].join("\n"),
  };
}
