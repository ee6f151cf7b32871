// Reached only by paths outside any locale (the proxy sends every page to /ar or /en).
import "./globals.css";

export default function GlobalNotFound() {
  return (
    <html lang="ar" dir="rtl">
      <body className="grid min-h-screen place-items-center p-8 text-center">
        <main>
          <h1 className="text-2xl font-semibold">الصفحة غير موجودة</h1>
          <p lang="en" dir="ltr" className="mt-2 text-stone-600">
            Page not found
          </p>
          {/* A plain link: a client Link in this global boundary loads next/link with every page. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a className="mt-6 inline-block text-brand-700 underline" href="/ar">
            تنفيذ — Tanfeeth
          </a>
        </main>
      </body>
    </html>
  );
}
