import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/page-guards";
import type { Locale } from "@/lib/i18n/routing";

// Unknown paths under a locale: the sign-in page for visitors, the localised 404 page for users.
export default async function CatchAll({ params }: PageProps<"/[locale]/[...rest]">) {
  await requirePageUser((await params).locale as Locale);
  notFound();
}
