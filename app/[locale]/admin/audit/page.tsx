import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DataTable } from "@/components/data-table";
import { DualDate } from "@/components/dual-date";
import { requirePagePermission } from "@/lib/auth/page-guards";
import { canReadAuditLog } from "@/lib/auth/permissions";
import { listAuditLog } from "@/lib/data/audit-log";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { AuditLogFilterSchema, type AuditLogFilter } from "@/lib/validation/audit-log";
import { isoDate, searchParamsObject } from "@/lib/validation/common";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/audit">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "audit" });
  return { title: t("title") };
}

const EMPTY: AuditLogFilter = { actor: null, action: null, targetType: null, targetId: null, from: null, to: null, before: null };

function query(filter: AuditLogFilter, before?: string | null): string {
  const params = new URLSearchParams();
  if (filter.actor) params.set("actor", filter.actor);
  if (filter.action) params.set("action", filter.action);
  if (filter.targetType) params.set("targetType", filter.targetType);
  if (filter.targetId) params.set("targetId", filter.targetId);
  if (filter.from) params.set("from", isoDate(filter.from));
  if (filter.to) params.set("to", isoDate(filter.to));
  if (before) params.set("before", before);
  const text = params.toString();
  return text ? `?${text}` : "";
}

// Invisible and direction-changing characters (bidi controls, zero-width space, BOM — not the
// joiners of emoji and scripts) appear as \u escapes: the record shows exactly what was typed,
// and cannot reorder itself on screen.
const INVISIBLE = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const escapeInvisible = (char: string) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
const json = (value: unknown) =>
  value === null || value === undefined ? "" : JSON.stringify(value, null, 1).replace(INVISIBLE, escapeInvisible);

/** The audit log for admins: every write and sign-in, filtered, newest first, and exported as CSV. */
export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePagePermission(locale, canReadAuditLog);
  const parsed = AuditLogFilterSchema.safeParse(searchParamsObject(await searchParams));
  const filter = parsed.success ? parsed.data : EMPTY;
  const { entries, nextBefore } = await listAuditLog(actor, filter);
  const t = await getTranslations({ locale, namespace: "audit" });
  const input = "mt-1 block w-full rounded border border-stone-300 bg-white px-3 py-2";

  return (
    <ClientMessages namespaces={[]}>
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="max-w-3xl text-stone-600">{t("explain")}</p>
        <form method="get" className="grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3" role="search" aria-label={t("filters")}>
          <label className="text-sm">
            {t("actor")}
            <input name="actor" defaultValue={filter.actor ?? ""} dir="ltr" className={input} placeholder="name@example.org" />
          </label>
          <label className="text-sm">
            {t("action")}
            <input name="action" defaultValue={filter.action ?? ""} dir="ltr" className={input} placeholder="commitment." />
          </label>
          <label className="text-sm">
            {t("targetType")}
            <input name="targetType" defaultValue={filter.targetType ?? ""} dir="ltr" className={input} placeholder="commitment" />
          </label>
          <label className="text-sm">
            {t("targetId")}
            <input name="targetId" defaultValue={filter.targetId ?? ""} dir="ltr" className={input} />
          </label>
          <label className="text-sm">
            {t("from")}
            <input type="date" name="from" defaultValue={filter.from ? isoDate(filter.from) : ""} className={input} />
          </label>
          <label className="text-sm">
            {t("to")}
            <input type="date" name="to" defaultValue={filter.to ? isoDate(filter.to) : ""} className={input} />
          </label>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
            <Link href="/admin/audit" className="text-sm text-brand-700 hover:underline">{t("clear")}</Link>
            <a href={`/api/v1/audit-log/export${query(filter)}`} className="text-sm text-brand-700 underline" data-testid="export-csv" download>
              {t("export")}
            </a>
            {parsed.success ? null : <p role="alert" className="text-sm text-rose-700">{t("invalidFilter")}</p>}
          </div>
        </form>
        <DataTable columns={[t("at"), t("who"), t("what"), t("target"), t("change"), t("address")]}>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action} className="align-top">
              <td className="whitespace-nowrap px-3 py-2"><DualDate date={entry.at} withTime /></td>
              <td className="px-3 py-2" dir="ltr">{entry.actorEmail ?? entry.actorId ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs" dir="ltr">{entry.action}</td>
              <td className="px-3 py-2 text-xs" dir="ltr">
                {entry.targetType}
                {entry.targetId ? <span className="block break-all text-stone-500">{entry.targetId}</span> : null}
              </td>
              <td className="max-w-md px-3 py-2">
                {entry.before !== null || entry.after !== null ? (
                  <details>
                    <summary className="cursor-pointer text-brand-700">{t("showChange")}</summary>
                    {entry.before !== null ? (
                      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-rose-50 p-2 text-xs" dir="auto">{json(entry.before)}</pre>
                    ) : null}
                    {entry.after !== null ? (
                      <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-emerald-50 p-2 text-xs" dir="auto">{json(entry.after)}</pre>
                    ) : null}
                  </details>
                ) : (
                  "—"
                )}
              </td>
              <td className="px-3 py-2 font-mono text-xs" dir="ltr">{entry.ip ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
        {entries.length === 0 ? <p className="text-stone-600">{t("none")}</p> : null}
        {nextBefore ? (
          <Link href={`/admin/audit${query(filter, nextBefore)}`} className="inline-block text-brand-700 hover:underline" rel="next">
            {t("older")}
          </Link>
        ) : null}
      </div>
    </ClientMessages>
  );
}
