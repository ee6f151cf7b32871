import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { totpCode } from "../lib/auth/totp";
import { demoTotp, storageStateOf } from "./support/accounts";

test.describe("the audit log and the users list, for admins", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("filters the audit log and exports it as CSV", async ({ page }) => {
    await page.goto("/en/admin/audit");
    await page.getByLabel("Action (or its start)").fill("auth.sign_in");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=auth\.sign_in/);
    const rows = page.locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const actions = await page.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-action")));
    expect(actions.every((a) => a?.startsWith("auth.sign_in"))).toBe(true);
    await expect(page.locator("tbody")).toContainText("admin@demo.tanfeeth.org");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    expect(download.suggestedFilename()).toMatch(/^tanfeeth-audit-log-.*\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe('"id","at","actor_id","actor_email","action","target_type","target_id","before","after","ip"');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes('"auth.sign_in'))).toBe(true);
  });

  test("filters users by role and country", async ({ page }) => {
    await page.goto("/en/admin/users");
    const list = page.getByRole("search", { name: "Filter users" });
    await list.getByLabel("Role").selectOption("DELEGATE");
    await list.getByLabel("Member state").selectOption("QA");
    await list.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("heading", { name: "Matching users (1)" })).toBeVisible();
    await expect(page.locator("tr[data-user]")).toHaveCount(1);
    await expect(page.locator("tr[data-user='delegate.qa@demo.tanfeeth.org']")).toBeVisible();
  });

  test("a refused handover keeps what the admin chose and typed", async ({ page }) => {
    await page.goto("/en/admin/users");
    const form = page.locator("form").filter({ has: page.locator("#handover-country") });
    await form.locator("#handover-country").selectOption("JO");
    await form.getByLabel("A new account").check();
    await form.getByLabel("E-mail of the new delegate").fill("delegate.qa@demo.tanfeeth.org");
    await form.getByLabel("Name of the new delegate").fill("نائب جديد");
    await form.getByLabel(/Keep the current delegates active/).check();
    await form.getByRole("button", { name: "Hand over" }).click();
    await expect(form.getByText("An account with this e-mail address already exists.")).toBeVisible();
    await expect(form.locator("#handover-country")).toHaveValue("JO");
    await expect(form.getByLabel("A new account")).toBeChecked();
    await expect(form.getByLabel("E-mail of the new delegate")).toHaveValue("delegate.qa@demo.tanfeeth.org");
    await expect(form.getByLabel("Name of the new delegate")).toHaveValue("نائب جديد");
    await expect(form.getByLabel(/Keep the current delegates active/)).toBeChecked();
    await expect(form.getByTestId("current-delegates")).toContainText("Delegate JO");
  });

  test("an admin removes a secretariat officer's lost authenticator, and a new link enrols another", async ({ page, browser }) => {
    const email = `officer.${randomBytes(4).toString("hex")}@test.tanfeeth.org`;
    await page.goto("/en/admin/users");
    const create = page.locator("form").filter({ has: page.locator("#role") });
    await create.locator("#email").fill(email);
    await create.locator("#name").fill("Officer Who Lost A Phone");
    await create.locator("#role").selectOption("SECRETARIAT");
    await create.getByRole("button", { name: "Create user" }).click();
    const firstLink = new URL((await create.getByTestId("password-link").textContent())!);

    const officer = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
    const enrol = async (officerPage: Page, link: URL) => {
      await officerPage.goto(link.pathname);
      await officerPage.getByLabel("Password", { exact: true }).fill("officer passphrase");
      await officerPage.getByLabel("Repeat the password").fill("officer passphrase");
      const secret = (await officerPage.getByTestId("totp-secret").textContent())!;
      await officerPage.getByLabel("6-digit code from the app").fill(totpCode(secret));
      await officerPage.getByRole("button", { name: "Set password" }).click();
      await expect(officerPage.getByText("Your password is set.")).toBeVisible();
      return secret;
    };
    const lostSecret = await enrol(officer, firstLink);

    await page.goto(`/en/admin/users?q=${encodeURIComponent(email)}`);
    const row = page.locator(`tr[data-user='${email}']`);
    await expect(row).toContainText("two-factor");
    await row.getByText("Manage").click();
    const reset = row.getByTestId("reset-two-factor");
    // The admin confirms with their own current code; a wrong one changes nothing.
    await reset.getByLabel("Your own 6-digit code, to confirm").fill("000000");
    await reset.getByRole("button", { name: "Remove authenticator" }).click();
    await expect(reset.getByText("This code is not valid.", { exact: false })).toBeVisible();
    await expect(row).toContainText("two-factor");
    await reset.getByLabel("Your own 6-digit code, to confirm").fill(demoTotp(1));
    await reset.getByRole("button", { name: "Remove authenticator" }).click();
    await expect(reset.getByText(/Authenticator removed; the user's sessions have ended\. Their role requires one/)).toBeVisible();
    const secondLink = new URL((await reset.getByTestId("password-link").textContent())!);
    await expect(row).not.toContainText("two-factor");

    // The link enrols a new authenticator, not the lost one.
    expect(await enrol(officer, secondLink)).not.toBe(lostSecret);
    await officer.context().close();
  });

  test("is for admins only", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("secretariat") });
    expect((await (await context.newPage()).goto("/en/admin/audit"))?.status()).toBe(404);
    await context.close();
  });
});
