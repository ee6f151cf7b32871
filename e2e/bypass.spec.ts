// Threat: the Next.js middleware-bypass advisories of 2024–2026 (CVE-2025-29927's
// x-middleware-subrequest, RSC/.rsc data requests, injected `nxtP` route parameters):
// a signed-out caller crafting such a request must get no data, because every page and
// route handler checks the session itself, whatever the proxy did.
import { expect, test } from "@playwright/test";

const DATA = ["Counter drug-smuggling routes and sources", "مواجهة طرق تهريب المخدرات ومنابعه", "drug-trafficking"];
const SUBREQUEST = [
  "middleware",
  "proxy",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
];

const requests: { path: string; headers?: Record<string, string> }[] = [
  ...SUBREQUEST.flatMap((value) => [
    { path: "/en", headers: { "x-middleware-subrequest": value } },
    { path: "/en/commitments/35/6", headers: { "x-middleware-subrequest": value } },
    { path: "/api/v1/commitments?session=35", headers: { "x-middleware-subrequest": value } },
  ]),
  { path: "/en", headers: { RSC: "1" } },
  { path: "/en/commitments/35/6", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
  { path: "/en/commitments/35/6?_rsc=abc", headers: { RSC: "1" } },
  { path: "/en.rsc" },
  { path: "/en/commitments/35/6.rsc" },
  { path: "/en/commitments/35/6?nxtPlocale=en&nxtPsession=35&nxtPnumber=6" },
  { path: "/en/sign-in?nxtPlocale=en&nxtPsession=35&nxtPnumber=6" },
  { path: "/api/v1/commitments?session=35&nxtPsession=35" },
  { path: "/api/v1/me", headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", RSC: "1" } },
];

test.describe("signed out, crafted requests", () => {
  for (const { path, headers } of requests) {
    test(`${path} ${headers ? JSON.stringify(headers) : ""}`, async ({ request }) => {
      // Route handlers are followed through Next's own `?_rsc` redirect to their final answer.
      const api = path.startsWith("/api/v1/");
      const response = await request.get(path, { headers, maxRedirects: api ? 2 : 0 });
      const body = await response.text();
      for (const secret of DATA) expect(body, `${path} leaks data`).not.toContain(secret);
      expect([200, 307, 308, 401, 404]).toContain(response.status());
      if (api) expect(response.status()).toBe(401);
    });
  }
});
