"use client";

import { DualDateText } from "@/components/dual-date-text";
import { StatusBadgeLook } from "@/components/status-badge-look";
import type { DualDate } from "@/lib/i18n/format";
import type { DisplayedStatus } from "@/lib/status-scale";

export type CountryCommitmentRow = {
  code: string;
  title: string;
  href: string;
  pairHref: string;
  withdrawn: boolean;
  status: DisplayedStatus;
  statusWord: string;
  /** The assessment as shown (+1, 0, −1), or null. */
  score: string | null;
  disagreement: boolean;
  timeliness: string | null;
  dueOn: { date: DualDate; hijri: string } | null;
  reportedAt: { date: DualDate; hijri: string } | null;
};

export type CountryCommitmentWords = { caption: string; headers: string[]; withdrawn: string; openPair: string; disagreement: string };

const th = "px-3 py-2 text-start font-medium";

/**
 * A member state's status on each commitment. A client component only so that its rows travel
 * to the page as data rather than as an RSC element tree next to the same HTML; every word,
 * figure and date is formatted on the server (app/[locale]/countries/[code]/page.tsx).
 */
export function CountryCommitmentsView({ rows, words }: { rows: CountryCommitmentRow[]; words: CountryCommitmentWords }) {
  return (
    <table className="min-w-full divide-y divide-stone-200 text-sm" data-testid="country-commitments">
      <caption className="sr-only">{words.caption}</caption>
      <thead className="bg-stone-50">
        <tr>
          {words.headers.map((header, i) => (
            <th key={i} scope="col" className={th}>{header}</th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-stone-100">
        {rows.map((row) => (
          <tr key={row.code} data-commitment={row.code} data-status={row.status} {...(row.withdrawn ? { className: "opacity-50" } : {})}>
            <th scope="row" className="px-3 py-2 text-start font-normal">
              <a href={row.href} className="text-brand-700 hover:underline">
                <span className="font-mono text-xs" dir="ltr">{row.code}</span> <bdi>{row.title}</bdi>
              </a>
              {row.withdrawn ? <span className="ms-1 text-xs text-stone-500">({words.withdrawn})</span> : null}
            </th>
            <td className="px-3 py-2">
              <a href={row.pairHref} aria-label={`${words.openPair}: ${row.code}`} className="inline-block">
                <StatusBadgeLook status={row.status} word={row.statusWord} />
              </a>
            </td>
            <td className="px-3 py-2 tabular-nums">
              {row.score === null ? "—" : <span dir="ltr">{row.score}</span>}
              {row.disagreement ? (
                <span className="ms-2 text-xs font-semibold text-rose-700">
                  <span aria-hidden="true">≠ </span>
                  {words.disagreement}
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2">{row.timeliness ?? "—"}</td>
            <td className="px-3 py-2 text-stone-600">{row.dueOn ? <DualDateText date={row.dueOn.date} hijri={row.dueOn.hijri} /> : "—"}</td>
            <td className="px-3 py-2 text-stone-600">{row.reportedAt ? <DualDateText date={row.reportedAt.date} hijri={row.reportedAt.hijri} /> : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
