import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

const ITEMS = [
  { key: "sessions", href: "/admin/sessions" },
  { key: "themes", href: "/admin/themes" },
  { key: "rounds", href: "/admin/rounds" },
] as const;

/** The secretariat's workspace: sessions and commitments, themes, reporting rounds. */
export function SecretariatNav({ current }: { current: (typeof ITEMS)[number]["key"] }) {
  const t = useTranslations("secretariat.nav");
  return (
    <nav aria-label={t("label")} className="flex flex-wrap gap-2 text-sm">
      {ITEMS.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.key === current ? "page" : undefined}
          className={`rounded-full px-3 py-1 ring-1 ring-inset ${item.key === current ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-brand-700 ring-stone-300 hover:bg-stone-50"}`}
        >
          {t(item.key)}
        </Link>
      ))}
    </nav>
  );
}
