import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO_EMAIL, signInOverHttp, storageStateOf } from "./support/accounts";
import { appendRestrictedReport } from "./support/database";

// Qatar's latest report on 35/1: LIMITED, restricted — its own delegate sees it, Algeria's does not.
test.beforeAll(async () => {
  await appendRestrictedReport("QA", "35/1", "Dashboard e2e: restricted report of Qatar");
});

test.describe("the progress dashboard, as Qatar's delegate", () => {
  test.use({ storageState: storageStateOf("delegateA") });

  test("reads the matrix in Arabic, right to left", async ({ page }) => {
    await page.goto("/ar?session=35");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.getByRole("heading", { level: 2, name: "الدول الأعضاء والالتزامات" })).toBeVisible();
    const matrix = page.getByTestId("matrix");
    await expect(matrix.locator("tr[data-commitment]")).toHaveCount(8);
    await expect(matrix.locator("thead th[data-country]")).toHaveCount(22);
    // The first member state (Jordan, protocol order) stands right of the last (Yemen).
    const first = await matrix.locator('thead th[data-country="JO"]').boundingBox();
    const last = await matrix.locator('thead th[data-country="YE"]').boundingBox();
    expect(first!.x).toBeGreaterThan(last!.x);
    const cell = matrix.locator('tr[data-commitment="35/1"] td[data-country="QA"] a');
    await expect(cell).toHaveClass(/mx-LIMITED/);
    // Colour and glyph for the eye; the words ("محدود", limited) as its accessible name.
    await expect(cell).toHaveAccessibleName(/^محدود/);
    await expect(cell).toHaveAttribute("href", "/ar/countries/QA/commitments/35/1");
    await expect(page.getByTestId("trend").locator("svg title")).toContainText("عدد الأزواج");
  });

  test("reads the matrix in English, left to right, with the roll-ups", async ({ page }) => {
    await page.goto("/en?session=35");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    const matrix = page.getByTestId("matrix");
    const first = await matrix.locator('thead th[data-country="JO"]').boundingBox();
    const last = await matrix.locator('thead th[data-country="YE"]').boundingBox();
    expect(first!.x).toBeLessThan(last!.x);
    await expect(matrix.locator('tr[data-commitment="35/1"] td[data-country="QA"] a')).toHaveAccessibleName(/^Limited/);
    await expect(page.locator("#rollups-commitments tr[data-rollup]")).toHaveCount(8);
    await expect(page.locator("#rollups-countries tr[data-rollup]")).toHaveCount(22);
    await expect(page.getByRole("heading", { name: "Recent activity" })).toBeVisible();
  });

  test("applies the filters kept in the URL, and the form leads to such a URL", async ({ page }) => {
    await page.goto("/en?session=35&country=QA&status=LIMITED");
    const matrix = page.getByTestId("matrix");
    await expect(matrix.locator("thead th[data-country]")).toHaveCount(1);
    await expect(matrix.locator('tr[data-commitment="35/1"] td[data-country="QA"] a')).toHaveClass(/mx-LIMITED/);
    for (const className of await matrix.locator("a.mx-c").evaluateAll((links) => links.map((a) => a.className))) {
      expect(className).toContain("mx-LIMITED");
    }
    await expect(page.locator('select[name="status"]')).toHaveValue("LIMITED");

    await page.locator('select[name="status"]').selectOption("");
    await page.getByLabel("Overdue only").check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]overdue=1/);
    await expect(page).toHaveURL(/[?&]country=QA/);
    await expect(page.getByLabel("Overdue only")).toBeChecked();
  });

  test("switches language and keeps the view's filters", async ({ page }) => {
    await page.goto("/en?session=35&country=QA&overdue=1");
    await page.getByRole("link", { name: /العربية/ }).click();
    await expect(page).toHaveURL(/\/ar\?session=35&country=QA&overdue=1$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  test("downloads the view as CSV, with a byte-order mark and the same cells", async ({ page }) => {
    await page.goto("/en?session=35&theme=online-extremism");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(download.suggestedFilename()).toBe("tanfeeth-session-35-dashboard.csv");
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines[0]).toBe(
      "session,commitment,commitment_title_ar,commitment_title_en,theme,withdrawn,due_date,country,country_name_ar,country_name_en,status,assessment,disagreement,timeliness,reported_at,version,review_state",
    );
    expect(lines).toHaveLength(1 + 22);
    expect(lines.find((line) => line.includes(",QA,"))).toContain(",قطر,Qatar,LIMITED,");
  });

  test("shows a member state's scorecard", async ({ page }) => {
    await page.goto("/en/countries/QA?session=35");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Qatar");
    await expect(page.getByTestId("country-commitments").locator("tbody tr")).toHaveCount(8);
    await expect(page.getByTestId("country-commitments").locator('tr[data-commitment="35/1"]')).toHaveAttribute("data-status", "LIMITED");
    await expect(page.getByTestId("figures-summary")).toBeVisible();
  });
});

test.describe("the progress dashboard, as Algeria's delegate", () => {
  test.use({ storageState: storageStateOf("delegateB") });

  test("withholds Qatar's restricted report in the matrix and the CSV", async ({ page, request }) => {
    await page.goto("/en?session=35");
    // Not a link: Qatar's pair page has nothing this viewer may read (it answers 404).
    const withheld = page.getByTestId("matrix").locator('tr[data-commitment="35/1"] td[data-country="QA"] .mx-c');
    await expect(withheld).toHaveClass(/mx-WITHHELD/);
    await expect(withheld).toHaveAttribute("role", "img");
    await expect(page.getByTestId("matrix").locator('tr[data-commitment="35/1"] td[data-country="QA"] a')).toHaveCount(0);
    const csv = await (await request.get("/api/v1/dashboard?session=35&theme=online-extremism&format=csv")).text();
    expect(csv.split("\r\n").find((line) => line.includes(",QA,"))).toContain(",WITHHELD,");
  });
});

test.describe("signing out from the dashboard's header", () => {
  test("ends the session — a copy of its cookie too — and lands on the sign-in page", async ({ page, request }) => {
    const response = await signInOverHttp(page.request, { email: DEMO_EMAIL.observer });
    expect(response.status()).toBe(200);
    await page.goto("/en?session=35");
    await expect(page.getByTestId("matrix")).toBeVisible();
    const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
    const copy = { cookie: `${session.name}=${session.value}` };
    expect((await request.get("/api/v1/me", { headers: copy })).status()).toBe(200);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/en\/sign-in$/);
    await page.goto("/en");
    await expect(page).toHaveURL(/\/en\/sign-in/);
    expect((await request.get("/api/v1/me", { headers: copy })).status()).toBe(401);
  });
});
