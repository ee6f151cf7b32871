// Reached only by paths outside any locale (the proxy sends every page to /ar or /en).
import arCommon from "@/lib/i18n/messages/ar/common.json";
import enCommon from "@/lib/i18n/messages/en/common.json";
import "./globals.css";

export default function GlobalNotFound() {
  return (
    <html lang="ar" dir="rtl">
      <body className="grid min-h-screen place-items-center p-8 text-center">
        <main>
          {/* No locale in the path: both languages, from the catalogs. */}
          <h1 className="text-2xl font-semibold">{arCommon.errors.notFoundTitle}</h1>
          <p lang="en" dir="ltr" className="mt-2 text-stone-600">
            {enCommon.errors.notFoundTitle}
          </p>
          {/* A plain link: a client Link in this global boundary loads next/link with every page. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="mt-6 inline-block text-brand-700 underline" href="/ar">
            {arCommon.appName} — {enCommon.appName}
          </a>
        </main>
      </body>
    </html>
  );
}
