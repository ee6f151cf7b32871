import { expect, test } from "@playwright/test";
import { DEMO_EMAIL, demoTotp, signInOverHttp, storageStateOf } from "./support/accounts";
import { DEMO_PASSWORD } from "./support/constants";

test.describe("signing in", () => {
  test("a delegate signs in in Arabic, sees their country, and signs out", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/ar\/sign-in$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await page.getByLabel("البريد الإلكتروني").fill(DEMO_EMAIL.delegateA);
    await page.getByLabel("كلمة المرور").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "دخول" }).click();
    await expect(page).toHaveURL(/\/ar$/);
    await expect(page.getByTestId("current-user")).toContainText("مندوب · QA");
    await page.getByRole("button", { name: "تسجيل الخروج" }).click();
    await expect(page).toHaveURL(/\/ar\/sign-in$/);
    await page.goto("/ar");
    await expect(page).toHaveURL(/\/ar\/sign-in$/);
  });

  test("a wrong password shows the one generic message, and nothing in the URL", async ({ page }) => {
    await page.goto("/en/sign-in");
    await page.getByLabel("E-mail address").fill(DEMO_EMAIL.delegateB);
    await page.getByLabel("Password").fill("not the right password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main form [role=alert]")).toHaveText("The sign-in details are not correct.");
    await expect(page).toHaveURL(/\/en\/sign-in$/);
    await page.getByLabel("E-mail address").fill("nobody@demo.tanfeeth.org");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main form [role=alert]")).toHaveText("The sign-in details are not correct.");
    // next-auth's own error redirect (without JavaScript) loses its error code on arrival.
    await page.goto("/api/auth/error?error=CredentialsSignin");
    await expect(page).toHaveURL(/\/ar\/sign-in$/);
  });

  test("the secretariat signs in with a code from its authenticator app", async ({ page }) => {
    await page.goto("/en/sign-in");
    await page.getByLabel("E-mail address").fill(DEMO_EMAIL.secretariat);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("main form [role=alert]")).toHaveText("The sign-in details are not correct.");
    // The setup signed the secretariat in with this period's code: use the next one (within the allowed drift).
    await page.getByLabel("Authentication code").fill(demoTotp(1));
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByTestId("current-user")).toContainText("Secretariat");
  });

  test.describe("as an observer", () => {
    test.use({ storageState: storageStateOf("observer") });

    test("sees the dashboard and a commitment with no edit controls", async ({ page }) => {
      for (const path of ["/en", "/en/commitments/35/6"]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Reading controls (the dashboard's filters: a GET form) are fine; nothing that writes.
        await expect(page.locator('main form:not([method="get"])')).toHaveCount(0);
        const writing = await page
          .locator("main button, main input, main textarea, main select")
          .evaluateAll((controls) => controls.filter((c) => c.closest("form")?.getAttribute("method") !== "get").length);
        expect(writing).toBe(0);
      }
    });
  });
});

test.describe("sign-in for scripts", () => {
  test("sets a session cookie that is HttpOnly, SameSite=Lax and scoped to the site", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const response = await signInOverHttp(request, { email: DEMO_EMAIL.observer });
    expect(response.status()).toBe(200);
    const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token"));
    expect(cookie?.value).toMatch(/HttpOnly/i);
    expect(cookie?.value).toMatch(/SameSite=Lax/i);
    expect(cookie?.value).toMatch(/Path=\//);
    const me = await (await request.get("/api/v1/me")).json();
    expect(me).toMatchObject({ email: DEMO_EMAIL.observer, role: "OBSERVER", country: null });
    await request.dispose();
  });

  test("blocks an account after 10 failures from one address with HTTP 429", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const email = `throttle.${Date.now()}@demo.tanfeeth.org`;
    for (let i = 0; i < 10; i++) {
      const response = await signInOverHttp(request, { email, password: `guess number ${i}` });
      expect(response.status()).not.toBe(429);
    }
    const blocked = await signInOverHttp(request, { email, password: "guess number 11" });
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()["retry-after"])).toBeGreaterThan(800);
    expect((await blocked.json()).error.code).toBe("too_many_requests");
    await request.dispose();
  });

  test("tells a blocked user so in the sign-in form, in Arabic and English", async ({ page }) => {
    // The failures come from the browser itself: the throttle counts per address.
    const email = `blocked.form.${Date.now()}@demo.tanfeeth.org`;
    await page.goto("/en/sign-in");
    await page.locator("input[name=email]").fill(email);
    for (let i = 0; i < 10; i++) {
      await page.locator("input[name=password]").fill(`guess number ${i}`);
      await page.locator("main form button[type=submit]").click();
      await expect(page.locator("main form [role=alert]")).toHaveText("The sign-in details are not correct.");
      await expect(page.locator("main form button[type=submit]")).toBeEnabled();
    }
    for (const [locale, message] of [
      ["ar", "محاولات فاشلة كثيرة. حُظر تسجيل الدخول لمدة 15 دقيقة؛ حاول لاحقًا."],
      ["en", "Too many failed attempts. Sign-in is blocked for 15 minutes; try again later."],
    ] as const) {
      await page.goto(`/${locale}/sign-in`);
      await page.locator("input[name=email]").fill(email);
      await page.locator("input[name=password]").fill("guess number 12");
      await page.locator("main form button[type=submit]").click();
      await expect(page.locator("main form [role=alert]")).toHaveText(message);
      await expect(page).toHaveURL(new RegExp(`/${locale}/sign-in$`));
    }
  });
});

test.describe("response hardening", () => {
  test.use({ storageState: storageStateOf("delegateA") });

  test("pages carry a nonce-based CSP and the security headers; signed-in responses are not cached", async ({ page }) => {
    const response = await page.goto("/en");
    const headers = response!.headers();
    const html = await response!.text();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    expect(headers["x-powered-by"]).toBeUndefined();
    expect(headers["cache-control"]).toContain("no-store");
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });

  test("the API answers JSON under a CSP that runs nothing, an unknown path included", async ({ request }) => {
    const known = await request.get("/api/v1/me");
    expect(known.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const unknown = await request.get("/api/v1/no-such-resource");
    expect(unknown.status()).toBe(404);
    expect(unknown.headers()["content-type"]).toContain("application/json");
    expect(await unknown.json()).toMatchObject({ error: { code: "not_found" } });
    expect(unknown.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
