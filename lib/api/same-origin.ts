// Route handlers that change data refuse requests a browser sent from another site.
// Scripts send no Origin and are let through (they hold the session cookie themselves).
export function isForeignOrigin(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
