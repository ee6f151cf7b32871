import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ClientMessages } from "@/components/client-messages";
import { DualDate } from "@/components/dual-date";
import { MarkReadForm } from "@/components/forms/mark-read-form";
import { ReminderNotification } from "@/components/notifications/reminder-notification";
import { requirePageUser } from "@/lib/auth/page-guards";
import { listNotifications } from "@/lib/data/notifications";
import { REMINDER_KIND, type ReminderData } from "@/lib/data/reminders";
import type { Locale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/notifications">): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale as Locale, namespace: "notifications" });
  return { title: t("title") };
}

/** The signed-in user's own notifications, newest first. */
export default async function NotificationsPage({ params }: PageProps<"/[locale]/notifications">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const actor = await requirePageUser(locale);
  const notifications = await listNotifications(actor);
  const t = await getTranslations({ locale, namespace: "notifications" });
  const unread = notifications.filter((n) => n.readAt === null).length;
  return (
    <ClientMessages namespaces={["forms", "notifications"]}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-2xl font-semibold">{t("title")}</h1>
          {unread > 0 ? <MarkReadForm notificationId="all" /> : null}
        </div>
        {notifications.length === 0 ? <p className="text-stone-600">{t("none")}</p> : null}
        <ul className="space-y-3">
          {notifications.map((n) => (
            <li key={n.id} data-notification={n.kind} data-unread={n.readAt === null ? "true" : undefined}
              className={`rounded-lg border p-4 ${n.readAt === null ? "border-brand-300 bg-white" : "border-stone-200 bg-stone-50 text-stone-600"}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="text-xs text-stone-500">
                  {n.readAt === null ? <span className="me-2 rounded bg-brand-700 px-1.5 py-0.5 text-white">{t("new")}</span> : null}
                  <DualDate date={n.createdAt} withTime />
                </div>
                {n.readAt === null ? <MarkReadForm notificationId={n.id} /> : null}
              </div>
              <div className="mt-2">
                {n.kind === REMINDER_KIND ? <ReminderNotification data={n.data as ReminderData} /> : <p>{t("unknownKind")}</p>}
              </div>
            </li>
          ))}
        </ul>
      </div>
    </ClientMessages>
  );
}
