import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";

test.use({ storageState: storageStateOf("delegateA") });

test.describe("the progress dashboard, first version", () => {
  test("opens in Arabic, right to left, with the 35th session's commitments", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/ar$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "الدورة الخامسة والثلاثون لمجلس وزراء الداخلية العرب",
    );
    await expect(page.getByText("هجري: 19 جمادى الآخرة 1439 هـ").first()).toBeVisible();
    const rows = page.getByTestId("matrix").locator("tr[data-commitment]");
    await expect(rows).toHaveCount(8);
    await expect(rows.first()).toContainText("35/1");
  });

  test("switches to English in one click and keeps the page", async ({ page }) => {
    await page.goto("/ar/commitments/35/6");
    await page.getByRole("link", { name: /English/ }).click();
    await expect(page).toHaveURL(/\/en\/commitments\/35\/6$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Counter drug-smuggling routes and sources");
  });

  test("shows a commitment's Arabic source, its English translation and all 22 member states", async ({ page }) => {
    await page.goto("/en/commitments/35/6");
    const source = page.locator("blockquote");
    await expect(source).toHaveAttribute("lang", "ar");
    await expect(source).toContainText("ولمواجهة طرق ومنابع تهريب المخدرات");
    await expect(page.getByText("Arab states strengthen border control to counter the routes")).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(22);
    await expect(page.locator('tr[data-country="QA"]')).toContainText("Qatar");
  });

  test("answers an unknown commitment with the localised 404 page", async ({ page }) => {
    const response = await page.goto("/ar/commitments/35/99");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("الصفحة غير موجودة");
  });

  test("exposes health and the commitments API", async ({ request }) => {
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    const api = await request.get("/api/v1/commitments?session=35");
    expect(api.status()).toBe(200);
    const body = await api.json();
    expect(body.commitments.map((c: { code: string }) => c.code)).toEqual([
      "35/1", "35/2", "35/3", "35/4", "35/5", "35/6", "35/7", "35/8",
    ]);
  });
});
