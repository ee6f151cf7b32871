import { getTranslations } from "next-intl/server";
import { Narrative } from "@/components/narrative";
import { isolate } from "@/lib/i18n/bidi";
import type { TimelineEntry } from "@/lib/data/history";
import { formatDateTime, formatFileSize } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import { TimelineView, type TimelineItem } from "./timeline-view";

const scoreLabel = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : "0");

/** A pair's history, newest first: reports, reviews, assessments and comments. */
export async function Timeline({ entries, locale }: { entries: TimelineEntry[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "reporting.timeline" });
  const tr = await getTranslations({ locale, namespace: "common.roles" });
  const tv = await getTranslations({ locale, namespace: "reporting.visibility" });
  const status = await getTranslations({ locale, namespace: "common.status" });
  const dates = await getTranslations({ locale, namespace: "common.dates" });
  const at = (date: Date) => {
    const formatted = formatDateTime(date, locale);
    return { date: formatted, hijri: dates("hijri", { date: formatted.hijri }) };
  };
  const items = entries.map((entry): TimelineItem => {
    const common = { kind: entry.kind, id: entry.id, byline: t("by", { name: isolate(entry.author.name), role: tr(entry.author.role) }), at: at(entry.at) };
    switch (entry.kind) {
      case "report":
        return {
          ...common,
          title: t("reportTitle", { version: entry.version }),
          report: {
            previous: entry.previousStatus ? { status: entry.previousStatus, word: status(entry.previousStatus) } : null,
            status: { status: entry.status, word: status(entry.status) },
            visibility: tv(`${entry.visibility}.label`),
            round: entry.round ? t("round", { name: isolate(entry.round) }) : null,
            reason: entry.notApplicableReason,
            narrative: entry.narrative ? <Narrative text={entry.narrative} /> : null,
            links: entry.evidenceLinks,
            files: entry.files.map(({ id, filename, size }) => ({ id, filename, size: formatFileSize(size, locale) })),
            review: entry.review
              ? { text: t(entry.review.decision === "VALIDATE" ? "validatedBy" : "returnedBy", { name: isolate(entry.review.reviewer) }), at: at(entry.review.at) }
              : null,
          },
        };
      case "review":
        return { ...common, title: t(entry.decision === "VALIDATE" ? "validatedTitle" : "returnedTitle", { version: entry.reportVersion }), text: entry.comment };
      case "assessment":
        return {
          ...common,
          title: t("assessmentTitle"),
          text:
            entry.previousScore === null
              ? t("score", { score: scoreLabel(entry.score) })
              : t("scoreChange", { from: scoreLabel(entry.previousScore), to: scoreLabel(entry.score) }),
          rationale: entry.rationale,
        };
      case "comment":
        return { ...common, title: t("commentTitle"), text: entry.body };
    }
  });
  return (
    <TimelineView
      items={items}
      words={{ empty: t("empty"), changedTo: t("changedTo"), arrow: locale === "ar" ? "←" : "→", firstReport: t("firstReport"), reason: t("reason"), evidence: t("evidence") }}
    />
  );
}
