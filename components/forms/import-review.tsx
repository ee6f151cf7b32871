"use client";

import { useTranslations } from "next-intl";
import { Fragment, useActionState, useMemo, useState } from "react";
import { importCommitmentsAction } from "@/lib/actions/council-sessions";
import { initialFormState, type FormState } from "@/lib/actions/form-state";
import { suggestTheme } from "@/lib/importer/themes";
import { Link } from "@/lib/i18n/navigation";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

export type ProposalView = { start: number; end: number; kind: string; theme?: string | undefined };

type Status = "pending" | "accepted" | "rejected" | "created";

type Item = {
  key: number;
  start: number;
  end: number;
  kind: string;
  theme: string;
  status: Status;
  text: string;
  titleAr: string;
  titleEn: string;
  editing: boolean;
};

type Props = {
  sessionNumber: number;
  text: string;
  proposals: ProposalView[];
  /** With their keywords, so that a merged or split proposal gets its theme suggested again. */
  themes: { key: string; name: string; keywords: string[] }[];
  firstPosition: number;
};

const ARABIC = /\p{Script=Arabic}/u;
const EDGE = /^[\s،,؛;:.]+|[\s،,؛;:.]+$/gu;
const TITLE_WORDS = 12;

/** A first title: the clause's opening words, to be edited. */
function draftTitle(text: string): string {
  const words = text.replace(EDGE, "").split(/\s+/);
  return words.length <= TITLE_WORDS ? words.join(" ") : `${words.slice(0, TITLE_WORDS).join(" ")}…`;
}

function trimmedSpan(source: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s،,؛;:.]/u.test(source[start]!)) start += 1;
  while (end > start && /[\s،,؛;:.]/u.test(source[end - 1]!)) end -= 1;
  return { start, end };
}

/** Where a proposal can be cut in two: after a separator, or before a word joined by "و" / "and". */
function cutPoints(source: string, item: Item): number[] {
  const span = source.slice(item.start, item.end);
  const points = new Set<number>();
  for (const match of span.matchAll(/[،,؛;:.]\s+|\s+(?=و\p{L}{2,})|\s+(?=and\s)/gu)) {
    const at = item.start + match.index + match[0].length;
    if (at > item.start + 3 && at < item.end - 3) points.add(at);
  }
  return [...points].sort((a, b) => a - b);
}

function makeItem(source: string, key: number, start: number, end: number, kind: string, theme: string): Item {
  const text = source.slice(start, end);
  const title = draftTitle(text);
  const arabic = ARABIC.test(text);
  return { key, start, end, kind, theme, status: "pending", text, titleAr: arabic ? title : "", titleEn: arabic ? "" : title, editing: false };
}

/**
 * The secretariat's review of the importer's proposals: each is highlighted in the communiqué and
 * can be accepted, edited, merged with the next, split, or rejected; the accepted ones are then
 * created as the session's commitments in one step.
 */
export function ImportReview({ sessionNumber, text, proposals, themes, firstPosition }: Props) {
  const t = useTranslations("secretariat.import");
  const [items, setItems] = useState<Item[]>(() => proposals.map((p, i) => makeItem(text, i + 1, p.start, p.end, p.kind, p.theme ?? "")));
  const themeFor = (start: number, end: number, otherwise: string) => suggestTheme(text.slice(start, end), themes) ?? otherwise;
  const [nextKey, setNextKey] = useState(proposals.length + 1);
  // Once created, the accepted proposals are locked: a second click must not create them again.
  const [state, action] = useActionState(async (previous: FormState<{ codes: string[] }>, formData: FormData) => {
    const result = await importCommitmentsAction(previous, formData);
    if (result.status === "success") {
      setItems((all) => all.map((item) => (item.status === "accepted" ? { ...item, status: "created", editing: false } : item)));
    }
    return result;
  }, initialFormState);

  const accepted = items.filter((item) => item.status === "accepted");
  const codeOf = useMemo(() => new Map(accepted.map((item, i) => [item.key, `${sessionNumber}/${firstPosition + i}`])), [accepted, sessionNumber, firstPosition]);
  const payload = JSON.stringify(
    accepted.map((item) => {
      const arabic = ARABIC.test(item.text);
      return {
        code: codeOf.get(item.key),
        themeKey: item.theme,
        titleAr: item.titleAr,
        titleEn: item.titleEn,
        textAr: arabic ? item.text : "",
        textEn: arabic ? "" : item.text,
        sourceAr: text.slice(item.start, item.end),
      };
    }),
  );

  const createdCodes = state.status === "success" ? state.data?.codes : undefined;

  const update = (key: number, change: Partial<Item>) => setItems((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item)));
  const setAllPending = (status: Status) => setItems((all) => all.map((item) => (item.status === "pending" ? { ...item, status } : item)));

  const merge = (index: number) =>
    setItems((all) => {
      const a = all[index]!;
      const b = all[index + 1]!;
      const merged = makeItem(text, a.key, a.start, b.end, a.kind, themeFor(a.start, b.end, a.theme || b.theme));
      return [...all.slice(0, index), merged, ...all.slice(index + 2)];
    });

  const split = (index: number, at: number) => {
    setItems((all) => {
      const item = all[index]!;
      const left = trimmedSpan(text, item.start, at);
      const right = trimmedSpan(text, at, item.end);
      if (left.start >= left.end || right.start >= right.end) return all;
      return [
        ...all.slice(0, index),
        makeItem(text, item.key, left.start, left.end, item.kind, themeFor(left.start, left.end, item.theme)),
        makeItem(text, nextKey, right.start, right.end, item.kind, themeFor(right.start, right.end, item.theme)),
        ...all.slice(index + 1),
      ];
    });
    setNextKey((k) => k + 1);
  };

  const segments = useMemo(() => {
    const parts: ({ plain: string } | { item: Item; number: number })[] = [];
    let at = 0;
    items.forEach((item, i) => {
      if (item.start > at) parts.push({ plain: text.slice(at, item.start) });
      parts.push({ item, number: i + 1 });
      at = item.end;
    });
    if (at < text.length) parts.push({ plain: text.slice(at) });
    return parts;
  }, [items, text]);

  const markClass: Record<Status, string> = {
    pending: "bg-amber-100",
    accepted: "bg-emerald-100",
    created: "bg-emerald-200",
    rejected: "bg-stone-100 text-stone-400 line-through",
  };

  const withoutTheme = items.flatMap((item, i) => (item.status === "accepted" && !item.theme ? [i + 1] : []));
  const counts = {
    accepted: accepted.length,
    pending: items.filter((i) => i.status === "pending").length,
    rejected: items.filter((i) => i.status === "rejected").length,
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section aria-labelledby="text-heading" className="space-y-2 self-start lg:sticky lg:top-4">
        <h2 id="text-heading" className="text-lg font-semibold">{t("textHeading")}</h2>
        <div className="max-h-[70vh] overflow-y-auto whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-4 leading-loose" dir="auto" data-testid="communique">
          {segments.map((part, i) =>
            "plain" in part ? (
              <Fragment key={`t${i}`}>{part.plain}</Fragment>
            ) : (
              <mark key={`m${part.item.key}`} id={`mark-${part.item.key}`} data-status={part.item.status} className={`rounded px-0.5 ${markClass[part.item.status]}`}>
                <sup className="me-0.5 font-mono text-xs text-stone-600" dir="ltr">{part.number}</sup>
                {text.slice(part.item.start, part.item.end)}
              </mark>
            ),
          )}
        </div>
      </section>

      <section aria-labelledby="proposals-heading" className="space-y-3">
        <h2 id="proposals-heading" className="text-lg font-semibold">{t("proposalsHeading", { count: items.length })}</h2>
        <p className="text-sm text-stone-600" aria-live="polite" data-testid="import-counts">{t("counts", counts)}</p>
        <div className="flex flex-wrap gap-2">
          <button type="button" onClick={() => setAllPending("accepted")} className="rounded border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-50">
            {t("acceptAll")}
          </button>
          <button type="button" onClick={() => setAllPending("rejected")} className="rounded border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-50">
            {t("rejectAll")}
          </button>
        </div>
        <ol className="space-y-3">
          {items.map((item, index) => {
            const locked = item.status === "created";
            const cuts = locked ? [] : cutPoints(text, item);
            return (
              <li key={item.key} data-proposal={index + 1} data-status={item.status}
                className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <a href={`#mark-${item.key}`} className="font-mono text-brand-700" dir="ltr">#{index + 1}</a>
                  <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{t(`kinds.${item.kind}` as "kinds.agreement")}</span>
                  {codeOf.get(item.key) ? <span className="font-mono text-xs text-emerald-800" dir="ltr">{codeOf.get(item.key)}</span> : null}
                  <span className="text-xs text-stone-500">{t(`status.${item.status}`)}</span>
                </div>
                <p dir="auto" className={item.status === "rejected" ? "text-stone-400 line-through" : ""}>{item.text}</p>
                <label className="flex items-center gap-2">
                  <span>{t("theme")}</span>
                  <select value={item.theme} disabled={locked} onChange={(e) => update(item.key, { theme: e.target.value })}
                    className="rounded border border-stone-300 bg-white px-2 py-1" aria-label={t("themeOf", { number: index + 1 })}>
                    {item.theme ? null : <option value="">{t("chooseTheme")}</option>}
                    {themes.map((theme) => <option key={theme.key} value={theme.key}>{theme.name}</option>)}
                  </select>
                </label>
                {item.editing ? (
                  <div className="space-y-2 rounded bg-stone-50 p-2">
                    <label className="block">
                      <span className="block text-xs">{t("text")}</span>
                      <textarea value={item.text} rows={4} dir="auto" onChange={(e) => update(item.key, { text: e.target.value })}
                        className="block w-full rounded border border-stone-300 px-2 py-1" />
                    </label>
                    <label className="block">
                      <span className="block text-xs">{t("titleAr")}</span>
                      <input value={item.titleAr} dir="rtl" onChange={(e) => update(item.key, { titleAr: e.target.value })}
                        className="block w-full rounded border border-stone-300 px-2 py-1" />
                    </label>
                    <label className="block">
                      <span className="block text-xs">{t("titleEn")}</span>
                      <input value={item.titleEn} dir="ltr" onChange={(e) => update(item.key, { titleEn: e.target.value })}
                        className="block w-full rounded border border-stone-300 px-2 py-1" />
                    </label>
                  </div>
                ) : (
                  <p className="text-xs text-stone-600">{t("titlePreview", { title: item.titleAr || item.titleEn })}</p>
                )}
                {locked ? null : (
                  <div className="flex flex-wrap gap-2">
                    <button type="button" onClick={() => update(item.key, { status: "accepted" })} aria-pressed={item.status === "accepted"}
                      className="rounded bg-emerald-700 px-3 py-1 text-white hover:bg-emerald-800">{t("accept")}</button>
                    <button type="button" onClick={() => update(item.key, { status: "rejected" })} aria-pressed={item.status === "rejected"}
                      className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-50">{t("reject")}</button>
                    <button type="button" onClick={() => update(item.key, { editing: !item.editing })} aria-expanded={item.editing}
                      className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-50">{t("edit")}</button>
                    {index + 1 < items.length && items[index + 1]!.status !== "created" ? (
                      <button type="button" onClick={() => merge(index)} className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-50">
                        {t("mergeNext")}
                      </button>
                    ) : null}
                    {cuts.length > 0 ? (
                      <SplitControl cuts={cuts} text={text} item={item} label={t("split")} pick={t("splitAt")} onSplit={(at) => split(index, at)} />
                    ) : null}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <form action={action} className="sticky bottom-0 space-y-2 border-t border-stone-200 bg-stone-50 py-3">
          <input type="hidden" name="sessionNumber" value={sessionNumber} />
          <input type="hidden" name="items" value={payload} />
          <FormStatus state={state} />
          {createdCodes ? (
            <p className="text-sm">
              <span dir="ltr" className="font-mono">{createdCodes.join(" · ")}</span>{" "}
              <Link href={`/admin/sessions/${sessionNumber}`} className="text-brand-700 underline">{t("openSession")}</Link>
            </p>
          ) : null}
          {withoutTheme.length > 0 ? (
            <p className="text-sm text-amber-800" role="status">{t("themeMissing", { numbers: withoutTheme.join(", ") })}</p>
          ) : accepted.length > 0 ? (
            <SubmitButton>{t("create", { count: accepted.length })}</SubmitButton>
          ) : (
            <p className="text-sm text-stone-600">{t("acceptFirst")}</p>
          )}
        </form>
      </section>
    </div>
  );
}

function SplitControl({ cuts, text, item, label, pick, onSplit }: { cuts: number[]; text: string; item: Item; label: string; pick: string; onSplit: (at: number) => void }) {
  const [chosen, setAt] = useState(cuts[Math.floor(cuts.length / 2)]!);
  // After a split the item keeps its key but not its cut points.
  const at = cuts.includes(chosen) ? chosen : cuts[Math.floor(cuts.length / 2)]!;
  const around = (cut: number) => {
    const before = text.slice(item.start, cut).trim().split(/\s+/).slice(-3).join(" ");
    const after = text.slice(cut, item.end).trim().split(/\s+/).slice(0, 3).join(" ");
    return `…${before} ‖ ${after}…`;
  };
  return (
    <span className="flex items-center gap-1">
      <select value={at} onChange={(e) => setAt(Number(e.target.value))} aria-label={pick} className="max-w-56 rounded border border-stone-300 bg-white px-2 py-1">
        {cuts.map((cut) => <option key={cut} value={cut}>{around(cut)}</option>)}
      </select>
      <button type="button" onClick={() => onSplit(at)} className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-50">{label}</button>
    </span>
  );
}
