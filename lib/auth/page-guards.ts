import "server-only";
import { notFound } from "next/navigation";
import { localeRedirect } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/routing";
import type { Actor } from "./actor";
import { getCurrentUser } from "./session";

/** For pages: the signed-in actor, or a redirect to the sign-in page. */
export async function requirePageUser(locale: Locale): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) return localeRedirect(locale, "/sign-in");
  return actor;
}

/** For pages only some roles may see: others get the 404 page, as if it did not exist. */
export async function requirePagePermission(locale: Locale, allowed: (actor: Actor) => boolean): Promise<Actor> {
  const actor = await requirePageUser(locale);
  if (!allowed(actor)) notFound();
  return actor;
}
