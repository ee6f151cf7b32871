// The page the proxy answers while PostgreSQL is unreachable: 503, localised, no details.
// The proxy imports only the common catalog, not every namespace.
import arCommon from "@/lib/i18n/messages/ar/common.json";
import enCommon from "@/lib/i18n/messages/en/common.json";

const TEXT = {
  ar: { title: arCommon.errors.unavailableTitle, body: arCommon.errors.unavailableBody, retry: arCommon.errors.retry },
  en: { title: enCommon.errors.unavailableTitle, body: enCommon.errors.unavailableBody, retry: enCommon.errors.retry },
};

export function unavailablePage(locale: string): string {
  const lang = locale === "en" ? "en" : "ar";
  const t = TEXT[lang];
  return `<!doctype html>
<html lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="10"><title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;display:grid;place-items:center;min-height:100vh;margin:0;background:#fafaf9;color:#1c1917}main{max-width:32rem;padding:2rem;text-align:center}a{color:#185a4a}</style>
</head>
<body><main role="alert"><h1>${t.title}</h1><p>${t.body}</p><p><a href="">${t.retry}</a></p></main></body>
</html>`;
}
