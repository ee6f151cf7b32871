"use client";

import type { ReactNode } from "react";
import { DualDateText } from "@/components/dual-date-text";
import { StatusBadgeLook } from "@/components/status-badge-look";
import { displayUrl } from "@/lib/i18n/bidi";
import type { DualDate } from "@/lib/i18n/format";
import type { DisplayedStatus } from "@/lib/status-scale";

type DateView = { date: DualDate; hijri: string };
type StatusView = { status: DisplayedStatus; word: string };

export type TimelineItem = {
  kind: "report" | "review" | "assessment" | "comment";
  id: string;
  title: string;
  byline: string;
  at: DateView;
  report?: {
    previous: StatusView | null;
    status: StatusView;
    visibility: string;
    round: string | null;
    reason: string | null;
    /** The narrative, rendered on the server (components/narrative.tsx). */
    narrative: ReactNode;
    links: string[];
    /** Sizes formatted on the server ("12 kB"). */
    files: { id: string; filename: string; size: string }[];
    review: { text: string; at: DateView } | null;
  };
  /** A decision's comment, an assessment's score line, a message's body. */
  text?: string;
  rationale?: string;
};

export type TimelineWords = { empty: string; changedTo: string; arrow: string; firstReport: string; reason: string; evidence: string };

/**
 * A pair's history, newest first. A client component only so that its entries travel to the page
 * as formatted data rather than as an RSC element tree next to the same HTML; every word and date
 * is formatted, and every narrative rendered, on the server (components/timeline.tsx).
 */
export function TimelineView({ items, words }: { items: TimelineItem[]; words: TimelineWords }) {
  if (items.length === 0) return <p className="text-sm text-stone-600">{words.empty}</p>;
  return (
    <ol className="space-y-4" data-testid="timeline">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`} data-kind={item.kind} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
            <p className="font-medium">
              {item.title}
              <span className="ms-2 font-normal text-stone-600">{item.byline}</span>
            </p>
            <DualDateText date={item.at.date} hijri={item.at.hijri} />
          </div>

          {item.report ? (
            <div className="mt-3 space-y-3 text-sm">
              <p className="flex flex-wrap items-center gap-2" data-testid="status-change">
                {item.report.previous ? (
                  <>
                    <StatusBadgeLook status={item.report.previous.status} word={item.report.previous.word} />
                    <span aria-hidden="true">{words.arrow}</span>
                    <span className="sr-only">{words.changedTo}</span>
                  </>
                ) : (
                  <span className="text-stone-600">{words.firstReport}</span>
                )}
                <StatusBadgeLook status={item.report.status.status} word={item.report.status.word} />
                <span className="text-xs text-stone-500">{item.report.visibility}</span>
                {item.report.round ? <span className="text-xs text-stone-500">{item.report.round}</span> : null}
              </p>
              {item.report.reason ? (
                <p>
                  <span className="font-medium">{words.reason}</span> <bdi>{item.report.reason}</bdi>
                </p>
              ) : null}
              {item.report.narrative}
              {item.report.links.length > 0 || item.report.files.length > 0 ? (
                <div>
                  <p className="font-medium">{words.evidence}</p>
                  <ul className="mt-1 list-disc space-y-1 ps-6">
                    {item.report.links.map((link) => (
                      <li key={link}>
                        <a href={link} rel="nofollow noopener noreferrer ugc" target="_blank" dir="ltr" className="break-all text-brand-700 underline">
                          {displayUrl(link)}
                        </a>
                      </li>
                    ))}
                    {item.report.files.map((file) => (
                      <li key={file.id}>
                        <a href={`/api/v1/evidence/${file.id}`} className="text-brand-700 underline" dir="auto" data-testid="evidence-file">
                          {file.filename}
                        </a>
                        <span className="ms-2 text-xs text-stone-500">{file.size}</span>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {item.report.review ? (
                <p className="text-xs text-stone-600" data-testid="report-review">
                  {item.report.review.text} <DualDateText date={item.report.review.at.date} hijri={item.report.review.at.hijri} />
                </p>
              ) : null}
            </div>
          ) : null}

          {item.kind === "review" && item.text ? <p className="mt-2 whitespace-pre-line text-sm" dir="auto">{item.text}</p> : null}

          {item.kind === "assessment" ? (
            <div className="mt-2 space-y-1 text-sm">
              <p>{item.text}</p>
              <p className="whitespace-pre-line" dir="auto">{item.rationale}</p>
            </div>
          ) : null}

          {item.kind === "comment" ? <p className="mt-2 whitespace-pre-line text-sm" dir="auto">{item.text}</p> : null}
        </li>
      ))}
    </ol>
  );
}
