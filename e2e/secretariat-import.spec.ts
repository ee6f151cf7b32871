import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/accounts";
import { withDatabase } from "./support/database";

const SESSION = 36;
const communique = readFileSync("prisma/seed-data/communique-35-algiers.ar.txt", "utf8");

test.use({ storageState: storageStateOf("secretariat") });

// The new session would become "the current session" of every later spec: leave the database
// as it was (its audit rows stay, as they must).
test.afterAll(async () => {
  await withDatabase(async (db) => {
    await db.query("DELETE FROM commitment WHERE session_id = (SELECT id FROM council_session WHERE number = $1)", [SESSION]);
    await db.query("DELETE FROM council_session WHERE number = $1", [SESSION]);
  });
});

test.describe("the communiqué importer", () => {
  test("imports the 35th session's communiqué into a new session: review, merge, split, reject, accept, create", async ({ page }) => {
    await page.goto("/en/admin/sessions");
    await page.getByLabel("Number").fill(String(SESSION));
    await page.getByLabel("Title (Arabic)").fill("الدورة السادسة والثلاثون لمجلس وزراء الداخلية العرب");
    await page.getByLabel("Title (English)").fill("36th session of the Council of Arab Interior Ministers");
    await page.getByLabel("City (Arabic)").fill("تونس");
    await page.getByLabel("City (English)").fill("Tunis");
    await page.getByLabel("Opens on").fill("2019-03-06");
    await page.getByLabel("Final communiqué (Arabic)").fill(communique);
    await page.getByRole("button", { name: "Create the session" }).click();
    await expect(page).toHaveURL(new RegExp(`/en/admin/sessions/${SESSION}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("36th session of the Council of Arab Interior Ministers");

    await page.getByRole("link", { name: "Import commitments from the communiqué" }).click();
    const proposals = page.locator("li[data-proposal]");
    await expect(proposals).toHaveCount(10);
    // Each proposal is highlighted in the full text, as text (never markup).
    const marks = page.getByTestId("communique").locator("mark");
    await expect(marks).toHaveCount(10);
    await expect(marks.nth(6)).toContainText("دعا البيان الختامي الدول العربية إلى تعزيز الرقابة على الحدود");
    await expect(page.getByTestId("communique")).toContainText("كما أشاد وزراء الداخلية العرب");
    await expect(proposals.nth(6).getByRole("combobox", { name: "Theme of proposal 7" })).toHaveValue("border-control");

    // Merge 35/3's two clauses, then split them again where they were.
    await proposals.nth(2).getByRole("button", { name: "Merge with the next" }).click();
    await expect(proposals).toHaveCount(9);
    await expect(proposals.nth(2)).toContainText("مع التأكيد أيضا على التعاون");
    const splitAt = proposals.nth(2).getByRole("combobox", { name: "Where to split" });
    const cut = await splitAt.locator("option", { hasText: "‖ مع التأكيد" }).getAttribute("value");
    await splitAt.selectOption(cut!);
    await proposals.nth(2).getByRole("button", { name: "Split" }).click();
    await expect(proposals).toHaveCount(10);
    await expect(proposals.nth(3)).toHaveText(/^#4.*مع التأكيد أيضا على التعاون/s);

    // Edit one title; reject one, then change our mind.
    await proposals.nth(0).getByRole("button", { name: "Edit" }).click();
    await proposals.nth(0).getByLabel("Title (English)").fill("Unite efforts against online extremism");
    await proposals.nth(9).getByRole("button", { name: "Reject" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText("0 accepted · 9 to review · 1 rejected");
    await proposals.nth(9).getByRole("button", { name: "Accept" }).click();
    await page.getByRole("button", { name: "Accept all remaining" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText("10 accepted · 0 to review · 0 rejected");
    // "…وبالتالي يجب على الدول العربية تنسيق الجهود…" names no theme's keyword: the secretariat picks one.
    await expect(page.getByText("Choose a theme for proposal(s) 6 first.")).toBeVisible();
    await proposals.nth(5).getByRole("combobox", { name: "Theme of proposal 6" }).selectOption("returning-foreign-fighters");

    await page.getByRole("button", { name: "Create 10 commitments" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Commitments created." })).toBeVisible();
    await expect(page.getByText("36/1 · 36/2 · 36/3 · 36/4 · 36/5 · 36/6 · 36/7 · 36/8 · 36/9 · 36/10")).toBeVisible();
    // Created proposals are locked: no second creation.
    await expect(page.getByRole("button", { name: /^Create \d+ commitments$/ })).toHaveCount(0);

    await page.getByRole("link", { name: "Open the session" }).click();
    const rows = page.locator("tr[data-commitment]");
    await expect(rows).toHaveCount(10);
    await expect(page.locator('tr[data-commitment="36/1"]')).toContainText("Unite efforts against online extremism");
    await expect(page.locator('tr[data-commitment="36/7"]')).toContainText("Border control");

    const created = await withDatabase(async (db) =>
      (
        await db.query<{ code: string; theme: string }>(
          `SELECT c.code, t.key AS theme FROM commitment c JOIN theme t ON t.id = c.theme_id
           JOIN council_session s ON s.id = c.session_id WHERE s.number = $1 ORDER BY c.sort_order`,
          [SESSION],
        )
      ).rows,
    );
    // Every theme of the 35th session's eight commitments is there.
    expect(new Set(created.map((c) => c.theme))).toEqual(
      new Set(["online-extremism", "organised-crime", "terrorism-financing", "returning-foreign-fighters", "border-control", "drug-trafficking", "cybercrime-legislation", "expertise-exchange"]),
    );
    const audited = await withDatabase(async (db) =>
      Number((await db.query("SELECT count(*) FROM audit_log WHERE action = 'commitment.created' AND after->>'via' = 'import' AND after->>'code' LIKE '36/%'")).rows[0].count),
    );
    expect(audited).toBe(10);
  });

  test("is the secretariat's: a delegate gets the 404 page", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("delegateA") });
    const response = await (await context.newPage()).goto("/en/admin/sessions/35/import");
    expect(response?.status()).toBe(404);
    await context.close();
  });
});
