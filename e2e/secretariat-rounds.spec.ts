import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startSmtpServer } from "../tests/smtp";
import { signInOverHttp, storageStateOf } from "./support/accounts";
import { AUTH_DIR, smtpPortFor } from "./support/constants";

// Egypt's delegate: no other spec reports for Egypt, so its gaps in a round opened today are known.
const DELEGATE_EG = "delegate.eg@demo.tanfeeth.org";
const EG_STATE = `${AUTH_DIR}/delegateEG.json`;

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

test.beforeAll(async ({ playwright, baseURL }) => {
  smtp = await startSmtpServer({ port: smtpPortFor(Number(new URL(baseURL!).port)) });
  mkdirSync(AUTH_DIR, { recursive: true });
  const context = await playwright.request.newContext({ baseURL });
  expect((await signInOverHttp(context, { email: DELEGATE_EG })).status()).toBe(200);
  await context.storageState({ path: EG_STATE });
  await context.dispose();
});

test.afterAll(async () => {
  await smtp?.close();
});

test.describe("reporting rounds and reminders", () => {
  test.describe.configure({ mode: "serial" });
  test("open a round, see a country missing, send a reminder, and the delegate sees it", async ({ browser }) => {
    const secretariat = await (await browser.newContext({ storageState: storageStateOf("secretariat") })).newPage();
    await secretariat.goto("/en/admin/rounds");
    await secretariat.getByLabel("Session").selectOption("35");
    await secretariat.getByLabel("Name").fill("Spring reporting round");
    // Opens today and closes in 30 days: the form's defaults.
    await secretariat.getByRole("button", { name: "Open the round" }).click();
    await expect(secretariat).toHaveURL(/\/en\/admin\/rounds\/[0-9a-f-]{36}$/);
    await expect(secretariat.getByRole("heading", { level: 1 })).toHaveText("Spring reporting round");
    await expect(secretariat.getByText("State: open")).toBeVisible();
    await expect(secretariat.getByTestId("rate").first()).toContainText(/of 176 reported/);
    const roundUrl = new URL(secretariat.url()).pathname;

    const egypt = secretariat.locator('tr[data-country="EG"]');
    await expect(egypt.getByRole("list", { name: "Commitments without a report" }).getByRole("listitem")).toHaveText(
      ["35/1", "35/2", "35/3", "35/4", "35/5", "35/6", "35/7", "35/8"],
    );

    await egypt.getByRole("button", { name: "Remind" }).click();
    await expect(egypt.getByTestId("reminder-outcome")).toHaveText(/^Reminders: 1 delegates notified \(1 by e-mail, 0 e-mails failed\); 0 already reminded today\./);
    await expect(egypt).toContainText("Reminded today (1)");
    // The e-mail went out over SMTP, in Arabic and English.
    const mail = smtp.messages.find((m) => m.to.includes(DELEGATE_EG));
    expect(mail?.from).toBe("reminders@tanfeeth.test");
    expect(mail?.text).toContain("مصر");
    expect(mail?.text).toContain("Egypt has not yet reported on the following commitments");
    expect(mail?.text).toContain("- 35/8: ");

    // Never twice in a day.
    await egypt.getByRole("button", { name: "Remind" }).click();
    await expect(egypt.getByTestId("reminder-outcome")).toHaveText(/^Reminders: 0 delegates notified .*; 1 already reminded today\./);
    expect(smtp.messages.filter((m) => m.to.includes(DELEGATE_EG))).toHaveLength(1);

    // The delegate sees it: a count in the header, the reminder in Arabic by default.
    const delegate = await (await browser.newContext({ storageState: EG_STATE })).newPage();
    await delegate.goto("/ar");
    await expect(delegate.getByTestId("unread-count")).toHaveText("1");
    await delegate.getByTestId("notifications-link").click();
    await expect(delegate).toHaveURL(/\/ar\/notifications$/);
    const reminder = delegate.locator("li[data-notification='reminder.digest']");
    await expect(reminder).toContainText("تذكير: 8 من التزامات دولتكم بلا تقرير في جولة الإبلاغ المفتوحة");
    await expect(reminder).toContainText("Spring reporting round");
    await expect(reminder).toContainText("هـ");
    await expect(reminder.getByTestId("reminder-commitments").getByRole("link")).toHaveCount(8);
    await reminder.getByRole("button", { name: "تعليم كمقروء" }).click();
    await expect(delegate.getByTestId("unread-count")).toHaveCount(0);
    await expect(delegate.locator("li[data-unread='true']")).toHaveCount(0);

    // Everyone's dashboard shows the open round's reporting rate and which commitments each
    // member state has not reported on in it.
    await delegate.goto("/en");
    const onDashboard = delegate.getByTestId("open-rounds").locator("tr[data-round='Spring reporting round']");
    await expect(onDashboard.getByTestId("rate")).toContainText(/of 176 reported/);
    await onDashboard.getByTestId("round-gaps").locator("summary").click();
    await expect(onDashboard.getByTestId("round-gaps").locator("li[data-country='EG']")).toContainText("35/1 35/2 35/3 35/4 35/5 35/6 35/7 35/8");
    await expect(onDashboard.getByRole("link")).toHaveCount(0); // the round's page is the secretariat's

    // The round's page is the secretariat's.
    const response = await delegate.goto(roundUrl.replace(/^\/en/, "/ar"));
    expect(response?.status()).toBe(404);
  });

  test("the rounds page shows each round's reporting rate", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateOf("admin") })).newPage();
    await page.goto("/ar/admin/rounds");
    const row = page.locator("tr[data-round='Spring reporting round']");
    await expect(row).toContainText("مفتوحة");
    await expect(row.getByTestId("rate")).toContainText("من 176");
    // Which member states have gaps in the open round, and where.
    await row.getByTestId("round-gaps").locator("summary").click();
    await expect(row.getByTestId("round-gaps").locator("li[data-country='EG']")).toContainText("35/1 35/2 35/3 35/4 35/5 35/6 35/7 35/8");
  });
});
