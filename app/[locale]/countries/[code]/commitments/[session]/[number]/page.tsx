import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DualDate } from "@/components/dual-date";
import { AssessmentForm } from "@/components/forms/assessment-form";
import { CommentForm } from "@/components/forms/comment-form";
import { PendingFiles } from "@/components/forms/pending-files";
import { ReportForm, type ReportFormDefaults } from "@/components/forms/report-form";
import { ReviewForm } from "@/components/forms/review-form";
import { PairLineage } from "@/components/pair-lineage";
import { StatusBadge } from "@/components/status-badge";
import { Timeline } from "@/components/timeline";
import { requirePageUser } from "@/lib/auth/page-guards";
import type { Actor } from "@/lib/auth/actor";
import { canWriteReport } from "@/lib/auth/permissions";
import { listPendingEvidence } from "@/lib/data/evidence";
import { getPairView } from "@/lib/data/history";
import { getOwnDraft } from "@/lib/data/reports";
import { Link } from "@/lib/i18n/navigation";
import { pickLocalized } from "@/lib/i18n/localized";
import { isolate } from "@/lib/i18n/bidi";
import { formatFileSize } from "@/lib/i18n/format";
import { localePath } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/routing";
import { CommitmentCodeParamsSchema } from "@/lib/validation/commitment";
import { CountryCodeSchema, TimelineCursorSchema } from "@/lib/validation/reports";

type Props = PageProps<"/[locale]/countries/[code]/commitments/[session]/[number]">;

// Metadata and page read the same view: once per request.
const loadView = cache(async (actor: Actor, country: string, code: string, before: string | undefined) => {
  const cursor = TimelineCursorSchema.safeParse(before);
  // A malformed cursor (a mangled link) shows the latest entries.
  return getPairView(actor, country, code, cursor.success ? { before: cursor.data } : {});
});

async function load({ params, searchParams }: Pick<Props, "params" | "searchParams">) {
  const { locale, code, ...codeParams } = (await params) as { locale: Locale; code: string; session: string; number: string };
  const actor = await requirePageUser(locale);
  const commitment = CommitmentCodeParamsSchema.safeParse(codeParams);
  const country = CountryCodeSchema.safeParse(code);
  const before = (await searchParams).before;
  const cursor = typeof before === "string" ? before : undefined;
  const pair = commitment.success && country.success ? { country: country.data, commitment: commitment.data.code } : null;
  return { locale, actor, pair, before: cursor, view: pair ? loadView(actor, pair.country, pair.commitment, cursor) : Promise.resolve(null) };
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, view: viewing } = await load({ params, searchParams });
  // Nothing the viewer may read (restricted reports, or none at all) looks exactly like no such page.
  const view = (await viewing) ?? notFound();
  return { title: `${pickLocalized(view.country, "name", locale)} — ${view.commitment.code}` };
}

export default async function PairPage({ params, searchParams }: Props) {
  const { locale, actor, pair, view: viewing, before } = await load({ params, searchParams });
  setRequestLocale(locale);
  // A writer's draft and pending files are read beside the view, not after it.
  const writer = pair !== null && canWriteReport(actor, pair.country);
  const [found, draft, files] = await Promise.all([
    viewing,
    writer ? getOwnDraft(actor, pair.commitment) : null,
    writer ? listPendingEvidence(actor, pair.commitment) : [],
  ]);
  const view = found ?? notFound();
  const t = await getTranslations({ locale, namespace: "reporting.pair" });
  const ta = await getTranslations({ locale, namespace: "reporting.assessment" });
  const [sessionNumber, number] = view.commitment.code.split("/");
  const { current, may } = view;

  let form: { baseVersion: number; defaults: ReportFormDefaults; draftSavedAt: Date | null; draftStale: boolean } | null = null;
  let pending: Awaited<ReturnType<typeof listPendingEvidence>> = [];
  if (may.write) {
    pending = files;
    const source = draft ?? view.latestReport;
    form = {
      baseVersion: draft?.baseVersion ?? current.version ?? 0,
      draftSavedAt: draft?.updatedAt ?? null,
      draftStale: draft !== null && draft.baseVersion !== current.version,
      defaults: {
        status: source?.status ?? "",
        notApplicableReason: source?.notApplicableReason ?? "",
        narrative: source?.narrative ?? "",
        evidenceLinks: source?.evidenceLinks.join("\n") ?? "",
        visibility: source?.visibility ?? "RESTRICTED",
      },
    };
  }
  const { latestReport } = view;
  const pairHref = (query?: Record<string, string>) =>
    localePath(locale, { pathname: `/countries/${view.country.code}/commitments/${sessionNumber}/${number}`, ...(query ? { query } : {}) });

  return (
    <ClientMessages namespaces={["common", "forms", "reporting"]}>
      <article className="space-y-8" data-country={view.country.code} data-commitment={view.commitment.code}>
        <header className="space-y-2">
          <nav className="flex flex-wrap gap-4 text-sm">
            {may.write ? (
              <Link href="/my-country" className="text-brand-700 hover:underline">{t("backToMyCountry")}</Link>
            ) : null}
            <Link href={`/commitments/${sessionNumber}/${number}`} className="text-brand-700 hover:underline">
              {t("allCountries", { code: view.commitment.code })}
            </Link>
            {may.review ? <Link href="/review" className="text-brand-700 hover:underline">{t("backToQueue")}</Link> : null}
          </nav>
          <p className="text-sm text-stone-600">{pickLocalized(view.country, "name", locale)}</p>
          <h1 className="text-2xl font-semibold">
            <span className="font-mono text-stone-500" dir="ltr">{view.commitment.code}</span>{" "}
            <bdi>{pickLocalized(view.commitment, "title", locale)}</bdi>
          </h1>
          <p className="text-sm text-stone-600">{pickLocalized(view.commitment.theme, "name", locale)}</p>
        </header>

        <section aria-labelledby="current-heading" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm" data-testid="current">
          <h2 id="current-heading" className="text-lg font-semibold">{t("currentHeading")}</h2>
          <dl className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-sm text-stone-600">{t("selfReported")}</dt>
              <dd className="mt-1" data-testid="current-status"><StatusBadge status={current.status} /></dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("assessed")}</dt>
              <dd className="mt-1" data-testid="current-assessment">
                {current.assessment ? (
                  <span className="font-medium" data-score={current.assessment.score}>{ta(`scores.${current.assessment.score}` as "scores.0")}</span>
                ) : (
                  <span className="text-stone-500">{t("notAssessed")}</span>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{t("lastReport")}</dt>
              <dd className="mt-1 text-sm">{current.reportedAt ? <DualDate date={current.reportedAt} withTime /> : "—"}</dd>
            </div>
            {current.reviewState ? (
              <div>
                <dt className="text-sm text-stone-600">{t("reviewState")}</dt>
                <dd className="mt-1 text-sm" data-testid="review-state" data-state={current.reviewState}>{t(`reviewStates.${current.reviewState}`)}</dd>
              </div>
            ) : null}
          </dl>
          {current.disagrees ? (
            <p className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm" role="note" data-testid="disagreement">
              <span aria-hidden="true">⚠ </span>
              {t("disagreement")}
            </p>
          ) : null}
          {current.version !== null ? <p className="mt-3 text-xs text-stone-500">{t("version", { version: current.version })}</p> : null}
        </section>

        <PairLineage actor={actor} locale={locale} country={view.country.code} commitment={view.commitment.code} />

        <div className="grid gap-8 lg:grid-cols-5">
          <section aria-labelledby="history-heading" className="space-y-3 lg:col-span-3">
            <h2 id="history-heading" className="text-lg font-semibold">{t("historyHeading")}</h2>
            {!may.readAll ? <p className="text-sm text-stone-600">{t("sharedOnly")}</p> : null}
            <Timeline entries={view.timeline} locale={locale} />
            {view.nextBefore || before ? (
              <nav className="flex flex-wrap gap-4 text-sm" aria-label={t("historyPages")} data-testid="timeline-pages">
                {before ? (
                  <a href={pairHref()} className="text-brand-700 hover:underline" data-testid="timeline-latest">{t("latestEntries")}</a>
                ) : null}
                {view.nextBefore ? (
                  <a href={pairHref({ before: view.nextBefore })} className="text-brand-700 hover:underline" data-testid="timeline-older">
                    {t("olderEntries")}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </section>

          <div className="space-y-8 lg:col-span-2">
            {form ? (
              <section aria-labelledby="report-heading" className="space-y-3">
                <h2 id="report-heading" className="text-lg font-semibold">{t("reportHeading")}</h2>
                {form.draftSavedAt ? (
                  <p className="text-sm text-stone-600" data-testid="draft-notice">
                    {t("draftSaved")} <DualDate date={form.draftSavedAt} withTime />
                  </p>
                ) : null}
                {form.draftStale ? <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">{t("draftStale")}</p> : null}
                {current.reviewState === "RETURNED" && latestReport?.review ? (
                  <div className="rounded border border-rose-300 bg-rose-50 p-3 text-sm" data-testid="returned-notice">
                    <p className="font-medium">{t("returned", { name: isolate(latestReport.review.reviewer) })}</p>
                    <p className="mt-1 whitespace-pre-line" dir="auto">{latestReport.review.comment}</p>
                  </div>
                ) : null}
                <PendingFiles files={pending.map((file) => ({ ...file, size: formatFileSize(file.size, locale) }))} />
                <ReportForm commitment={view.commitment.code} baseVersion={form.baseVersion} defaults={form.defaults} />
              </section>
            ) : null}

            {may.review ? (
              <section aria-labelledby="review-heading" className="space-y-3">
                <h2 id="review-heading" className="text-lg font-semibold">{t("reviewHeading")}</h2>
                {latestReport && latestReport.reviewState === "SUBMITTED" ? (
                  <ReviewForm reportId={latestReport.id} version={latestReport.version} />
                ) : (
                  <p className="text-sm text-stone-600" data-testid="last-decision">
                    {latestReport?.review
                      ? t(latestReport.review.decision === "VALIDATE" ? "lastValidated" : "lastReturned", {
                          version: latestReport.version,
                          name: isolate(latestReport.review.reviewer),
                        })
                      : t("nothingToReview")}
                  </p>
                )}
              </section>
            ) : null}

            {may.assess ? (
              <section aria-labelledby="assessment-heading" className="space-y-3">
                <h2 id="assessment-heading" className="text-lg font-semibold">{t("assessmentHeading")}</h2>
                <AssessmentForm
                  commitment={view.commitment.code}
                  country={view.country.code}
                  baseAssessmentId={view.latestAssessmentId}
                  currentScore={current.assessment?.score ?? null}
                />
              </section>
            ) : null}

            {may.comment ? (
              <section aria-labelledby="thread-heading" className="space-y-3" data-testid="thread">
                <h2 id="thread-heading" className="text-lg font-semibold">{t("threadHeading")}</h2>
                {view.comments.length === 0 ? <p className="text-sm text-stone-600">{t("noComments")}</p> : null}
                <ol className="space-y-3">
                  {view.comments.map((comment) => (
                    <li key={comment.id} className="rounded border border-stone-200 bg-white p-3 text-sm">
                      <p className="flex flex-wrap justify-between gap-2 text-xs text-stone-600">
                        <bdi>{comment.author.name}</bdi>
                        <DualDate date={comment.at} withTime />
                      </p>
                      <p className="mt-1 whitespace-pre-line" dir="auto">{comment.body}</p>
                    </li>
                  ))}
                </ol>
                <CommentForm commitment={view.commitment.code} country={view.country.code} />
              </section>
            ) : null}
          </div>
        </div>
      </article>
    </ClientMessages>
  );
}
