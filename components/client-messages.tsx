import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import type { Messages } from "@/lib/i18n/catalogs";

/** The catalog's `namespaces`, and nothing else. */
export function pickMessages(messages: Messages, namespaces: readonly (keyof Messages)[]): Partial<Messages> {
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}

/**
 * next-intl's client provider, with the message namespaces the client components below it
 * translate with, and no others. Every message sent to the browser is in the page's HTML and RSC
 * payload, and the provider brings next-intl's client code: so the layout has none, and a page
 * whose components need it (forms, next-intl's Link) wraps itself in
 * `<ClientMessages namespaces={["common", "forms", "reporting"]}>` — exactly what they use,
 * as client-messages.test.ts checks.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly (keyof Messages)[]; children: ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return (
    <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>
      {children}
    </NextIntlClientProvider>
  );
}
