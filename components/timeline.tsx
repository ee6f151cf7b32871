import { getTranslations } from "next-intl/server";
import { DualDate } from "@/components/dual-date";
import { Narrative } from "@/components/narrative";
import { StatusBadge } from "@/components/status-badge";
import { displayUrl, isolate } from "@/lib/i18n/bidi";
import type { TimelineEntry } from "@/lib/data/history";
import type { Locale } from "@/lib/i18n/routing";

const scoreLabel = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : "0");

/** A pair's history, newest first: reports, reviews, assessments and comments. */
export async function Timeline({ entries, locale }: { entries: TimelineEntry[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "reporting.timeline" });
  const tr = await getTranslations({ locale, namespace: "common.roles" });
  const tv = await getTranslations({ locale, namespace: "reporting.visibility" });
  if (entries.length === 0) return <p className="text-sm text-stone-600">{t("empty")}</p>;
  return (
    <ol className="space-y-4" data-testid="timeline">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} data-kind={entry.kind} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <p className="font-medium">
              {entry.kind === "report"
                ? t("reportTitle", { version: entry.version })
                : entry.kind === "review"
                  ? t(entry.decision === "VALIDATE" ? "validatedTitle" : "returnedTitle", { version: entry.reportVersion })
                  : entry.kind === "assessment"
                    ? t("assessmentTitle")
                    : t("commentTitle")}
              <span className="ms-2 font-normal text-stone-600">
                {t("by", { name: isolate(entry.author.name), role: tr(entry.author.role) })}
              </span>
            </p>
            <DualDate date={entry.at} withTime />
          </div>

          {entry.kind === "report" ? (
            <div className="mt-3 space-y-3 text-sm">
              <p className="flex flex-wrap items-center gap-2" data-testid="status-change">
                {entry.previousStatus ? (
                  <>
                    <StatusBadge status={entry.previousStatus} />
                    <span aria-hidden="true">{locale === "ar" ? "←" : "→"}</span>
                    <span className="sr-only">{t("changedTo")}</span>
                  </>
                ) : (
                  <span className="text-stone-600">{t("firstReport")}</span>
                )}
                <StatusBadge status={entry.status} />
                <span className="text-xs text-stone-500">{tv(`${entry.visibility}.label`)}</span>
                {entry.round ? <span className="text-xs text-stone-500">{t("round", { name: isolate(entry.round) })}</span> : null}
              </p>
              {entry.notApplicableReason ? (
                <p>
                  <span className="font-medium">{t("reason")}</span> <bdi>{entry.notApplicableReason}</bdi>
                </p>
              ) : null}
              {entry.narrative ? <Narrative text={entry.narrative} /> : null}
              {entry.evidenceLinks.length > 0 || entry.files.length > 0 ? (
                <div>
                  <p className="font-medium">{t("evidence")}</p>
                  <ul className="mt-1 list-disc space-y-1 ps-6">
                    {entry.evidenceLinks.map((link) => (
                      <li key={link}>
                        <a href={link} rel="nofollow noopener noreferrer ugc" target="_blank" dir="ltr" className="break-all text-brand-700 underline">
                          {displayUrl(link)}
                        </a>
                      </li>
                    ))}
                    {entry.files.map((file) => (
                      <li key={file.id}>
                        <a href={`/api/v1/evidence/${file.id}`} className="text-brand-700 underline" dir="auto" data-testid="evidence-file">
                          {file.filename}
                        </a>
                        <span className="ms-2 text-xs text-stone-500" dir="ltr">{Math.ceil(file.size / 1024)} KB</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {entry.review ? (
                <p className="text-xs text-stone-600" data-testid="report-review">
                  {t(entry.review.decision === "VALIDATE" ? "validatedBy" : "returnedBy", { name: isolate(entry.review.reviewer) })}{" "}
                  <DualDate date={entry.review.at} withTime />
                </p>
              ) : null}
            </div>
          ) : null}

          {entry.kind === "review" && entry.comment ? (
            <p className="mt-2 whitespace-pre-line text-sm" dir="auto">{entry.comment}</p>
          ) : null}

          {entry.kind === "assessment" ? (
            <div className="mt-2 space-y-1 text-sm">
              <p>
                {entry.previousScore === null
                  ? t("score", { score: scoreLabel(entry.score) })
                  : t("scoreChange", { from: scoreLabel(entry.previousScore), to: scoreLabel(entry.score) })}
              </p>
              <p className="whitespace-pre-line" dir="auto">{entry.rationale}</p>
            </div>
          ) : null}

          {entry.kind === "comment" ? <p className="mt-2 whitespace-pre-line text-sm" dir="auto">{entry.body}</p> : null}
        </li>
      ))}
    </ol>
  );
}
