import { expect, test, type Browser, type Page } from "@playwright/test";
import { ACCEPTED_SAMPLES, REFUSED_SAMPLES } from "../tests/evidence-samples";
import { storageStateOf } from "./support/accounts";
import { appendReport } from "./support/database";
import type { Subject } from "../tests/permission-matrix";

async function pageAs(browser: Browser, subject: Subject): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(subject) });
  return context.newPage();
}

/** Waits until React has hydrated the form: typing before that is reset by hydration. */
async function formReady(page: Page, testId: string) {
  await expect(page.getByTestId(testId)).toHaveAttribute("data-hydrated", "true");
}

/** The dashboard's count of member states reporting `status` on a commitment. */
async function dashboardCount(page: Page, code: string, status: string): Promise<number> {
  await page.goto("/en");
  await expect(page.getByTestId("matrix").locator(`tr[data-commitment="${code}"]`)).toBeVisible();
  return page.getByTestId("matrix").locator(`tr[data-commitment="${code}"] td[data-country] .mx-c.mx-${status}`).count();
}

test.describe("the reporting workflow", () => {
  test("a delegate reports with a link and a file; the secretariat returns it, then validates and assesses the resubmission", async ({ browser }) => {
    test.setTimeout(180_000);
    const delegate = await pageAs(browser, "delegateA");
    const secretariat = await pageAs(browser, "secretariat");
    const completeBefore = await dashboardCount(delegate, "35/8", "COMPLETE");

    // The delegate finds the commitment on "My country" and opens its page.
    await delegate.goto("/en/my-country");
    await expect(delegate.getByRole("navigation").getByRole("link", { name: "My country" })).toBeVisible();
    await delegate.locator('li[data-commitment="35/8"]').getByRole("link").click();
    await expect(delegate).toHaveURL(/\/en\/countries\/QA\/commitments\/35\/8$/);

    await formReady(delegate, "report-form");
    await delegate.getByLabel("Status", { exact: true }).selectOption("SUBSTANTIAL");
    await delegate.getByLabel("Narrative").fill("The **national cybercrime law** was adopted.\n\n- decree signed\n- unit staffed");
    await delegate.getByLabel("Evidence links").fill("https://www.example.gov/qa/cybercrime-law");
    await delegate.getByLabel("Evidence files").setInputFiles({ name: "decree.pdf", mimeType: "application/pdf", buffer: ACCEPTED_SAMPLES.pdf!.bytes });
    await delegate.getByRole("button", { name: "Submit report" }).click();
    await expect(delegate.getByRole("status").filter({ hasText: "Report submitted." })).toBeVisible();

    const first = delegate.locator('[data-testid="timeline"] > li[data-kind="report"]').first();
    await expect(first).toContainText("national cybercrime law");
    await expect(first.locator("strong")).toHaveText("national cybercrime law");
    await expect(first.getByRole("link", { name: "https://www.example.gov/qa/cybercrime-law" })).toBeVisible();
    const fileLink = first.getByTestId("evidence-file");
    await expect(fileLink).toHaveText("decree.pdf");
    const fileUrl = (await fileLink.getAttribute("href"))!;
    const download = await delegate.request.get(fileUrl);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain("attachment");
    expect(Buffer.from(await download.body()).equals(ACCEPTED_SAMPLES.pdf!.bytes)).toBe(true);
    // Restricted by default: another member state's delegate cannot fetch the file.
    const other = await pageAs(browser, "delegateB");
    expect((await other.request.get(fileUrl)).status()).toBe(404);

    // The secretariat finds it in the queue and returns it.
    await secretariat.goto("/en/review?country=QA");
    const queued = secretariat.locator('tr[data-country="QA"][data-commitment="35/8"]');
    await expect(queued).toBeVisible();
    await queued.getByRole("link", { name: "Open" }).click();
    await formReady(secretariat, "review-form");
    await secretariat.getByLabel("Return for revision").check();
    await secretariat.getByLabel("Comment to the delegates").fill("Please attach the signed decree.");
    await secretariat.getByRole("button", { name: "Record decision" }).click();
    await expect(secretariat.getByTestId("last-decision")).toContainText("returned for revision");
    await expect(secretariat.getByTestId("review-state")).toHaveAttribute("data-state", "RETURNED");

    // The delegate sees what was asked for, and resubmits.
    await delegate.goto("/en/my-country");
    const item = delegate.locator('li[data-commitment="35/8"]');
    await expect(item.getByTestId("returned-notice")).toContainText("Please attach the signed decree.");
    await item.getByRole("link").first().click();
    await expect(delegate).toHaveURL(/\/en\/countries\/QA\/commitments\/35\/8$/);
    await expect(delegate.getByTestId("returned-notice")).toContainText("Please attach the signed decree.");
    await formReady(delegate, "report-form");
    await delegate.getByLabel("Status", { exact: true }).selectOption("COMPLETE");
    await delegate.getByLabel("Narrative").fill("The law is in force; the signed decree is attached.");
    await delegate.getByLabel("Evidence files").setInputFiles({ name: "signed-decree.png", mimeType: "image/png", buffer: ACCEPTED_SAMPLES.png!.bytes });
    await delegate.getByRole("button", { name: "Submit report" }).click();
    await expect(delegate.getByRole("status").filter({ hasText: "Report submitted." })).toBeVisible();
    await expect(delegate.locator('[data-testid="timeline"] > li[data-kind="report"]').first().getByTestId("status-change")).toContainText(
      /Substantial.*Complete/,
    );

    // The secretariat validates the resubmission and assesses the pair.
    await secretariat.reload();
    await expect(secretariat.getByText("Decision on version")).toBeVisible();
    await formReady(secretariat, "review-form");
    await secretariat.getByLabel("Validate").check();
    await secretariat.getByRole("button", { name: "Record decision" }).click();
    await expect(secretariat.getByTestId("last-decision")).toContainText("validated by");
    await secretariat.getByLabel("0 Partial compliance").check();
    await secretariat.getByLabel("Rationale").fill("The law is adopted but the unit is not yet operational.");
    await secretariat.getByRole("button", { name: "Record assessment" }).click();
    await expect(secretariat.getByRole("status").filter({ hasText: "Assessment recorded." })).toBeVisible();
    await expect(secretariat.getByTestId("disagreement")).toBeVisible();

    // The delegate sees who validated it, the assessment and the disagreement; the dashboard counts it.
    await delegate.reload();
    await expect(delegate.locator('[data-testid="timeline"] li[data-kind="report"]').first().getByTestId("report-review")).toContainText("Validated by");
    await expect(delegate.getByTestId("current-assessment")).toContainText("0 Partial compliance");
    await expect(delegate.getByTestId("disagreement")).toBeVisible();
    expect(await dashboardCount(delegate, "35/8", "COMPLETE")).toBe(completeBefore + 1);
    await delegate.goto("/en/commitments/35/8");
    await expect(delegate.locator('tr[data-country="QA"] [data-status="COMPLETE"]')).toBeVisible();
  });

  test("a stale submission is refused, keeps the delegate's text, and shows what changed", async ({ browser }) => {
    const first = await pageAs(browser, "delegateA");
    const second = await pageAs(browser, "delegateA");
    for (const page of [first, second]) {
      await page.goto("/en/countries/QA/commitments/35/7");
      await formReady(page, "report-form");
    }

    await first.getByLabel("Status", { exact: true }).selectOption("SUBSTANTIAL");
    await first.getByLabel("Narrative").fill("Submitted first, from the other tab.");
    await first.getByRole("button", { name: "Submit report" }).click();
    await expect(first.getByRole("status").filter({ hasText: "Report submitted." })).toBeVisible();

    await second.getByLabel("Status", { exact: true }).selectOption("COMPLETE");
    await second.getByLabel("Narrative").fill("My own careful text, written in parallel.");
    await second.getByRole("button", { name: "Submit report" }).click();
    const conflict = second.getByTestId("conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("Submitted first, from the other tab.");
    await expect(second.getByLabel("Narrative")).toHaveValue("My own careful text, written in parallel.");
    await expect(second.getByLabel("Status", { exact: true })).toHaveValue("COMPLETE");

    // Having seen the other report, the delegate submits theirs on top of it.
    await second.getByRole("button", { name: "Submit report" }).click();
    await expect(second.getByRole("status").filter({ hasText: "Report submitted." })).toBeVisible();
    const reports = second.locator('[data-testid="timeline"] > li[data-kind="report"]');
    await expect(reports.nth(0)).toContainText("My own careful text");
    await expect(reports.nth(1)).toContainText("Submitted first, from the other tab.");
  });

  test("drafts are kept for their author only; refused links and files keep the text", async ({ browser }) => {
    const delegate = await pageAs(browser, "delegateA");
    await delegate.goto("/en/countries/QA/commitments/35/6");
    await formReady(delegate, "report-form");
    await delegate.getByLabel("Narrative").fill("Draft narrative, not yet shared.");
    await delegate.getByLabel("Evidence links").fill("javascript:alert(1)");
    await delegate.getByRole("button", { name: "Submit report" }).click();
    await expect(delegate.getByText("Only web addresses starting with https:// or http:// are accepted.")).toBeVisible();
    await expect(delegate.getByLabel("Narrative")).toHaveValue("Draft narrative, not yet shared.");

    await delegate.getByLabel("Evidence links").fill("https://www.example.gov/draft");
    await delegate.getByLabel("Evidence files").setInputFiles({ name: "evil.pdf", mimeType: "application/pdf", buffer: REFUSED_SAMPLES.html!.bytes });
    await delegate.getByRole("button", { name: "Save draft" }).click();
    await expect(delegate.getByText("Only PDF, PNG, JPEG, GIF, WebP and Office documents")).toBeVisible();

    await delegate.getByRole("button", { name: "Save draft" }).click();
    await expect(delegate.getByRole("status").filter({ hasText: "Draft saved." })).toBeVisible();
    await delegate.reload();
    await expect(delegate.getByTestId("draft-notice")).toBeVisible();
    await expect(delegate.getByLabel("Narrative")).toHaveValue("Draft narrative, not yet shared.");

    // A file of exactly 10 MB goes through (the request body limits allow it); one byte more is refused.
    const pdf = ACCEPTED_SAMPLES.pdf!.bytes;
    const tenMegabytes = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024 - pdf.length)]);
    await delegate.getByLabel("Evidence files").setInputFiles({ name: "too-big.pdf", mimeType: "application/pdf", buffer: Buffer.concat([tenMegabytes, Buffer.alloc(1)]) });
    await delegate.getByRole("button", { name: "Save draft" }).click();
    await expect(delegate.getByText("Each file may be at most 10 MB.")).toBeVisible();
    await delegate.getByLabel("Evidence files").setInputFiles({ name: "ten-megabytes.pdf", mimeType: "application/pdf", buffer: tenMegabytes });
    await delegate.getByRole("button", { name: "Save draft" }).click();
    const pending = delegate.getByTestId("pending-files");
    await expect(pending).toContainText("ten-megabytes.pdf");
    const stored = await delegate.request.get((await pending.getByRole("link", { name: "ten-megabytes.pdf" }).getAttribute("href"))!);
    expect((await stored.body()).length).toBe(10 * 1024 * 1024);
    await pending.getByRole("button", { name: "Remove" }).click();
    await expect(delegate.getByTestId("pending-files")).toHaveCount(0);

    // QA's 35/6 is published to observers: the secretariat and an observer open it, without the draft.
    for (const subject of ["secretariat", "observer", "delegateB"] as const) {
      const page = await pageAs(browser, subject);
      const response = await page.goto("/en/countries/QA/commitments/35/6");
      expect(response?.status()).toBe(200);
      expect(await page.content()).not.toContain("Draft narrative, not yet shared.");
      await expect(page.getByTestId("report-form")).toHaveCount(0);
    }
  });
});

test.describe("a long history, page by page", () => {
  // JO 35/4: 26 more reports, every fifth restricted.
  const narrative = (n: number) => `Long history entry ${n}.`;
  test.beforeAll(async () => {
    for (let n = 1; n <= 26; n++) await appendReport("JO", "35/4", narrative(n), n % 5 ? "MEMBERS" : "RESTRICTED");
  });

  const reports = (page: Page) => page.locator('[data-testid="timeline"] > li[data-kind="report"]');

  test("shows the latest 20 entries, then the older ones through a plain link, in English and in Arabic", async ({ browser }) => {
    const page = await pageAs(browser, "secretariat");
    await page.goto("/en/countries/JO/commitments/35/4");
    await expect(page.locator('[data-testid="timeline"] > li')).toHaveCount(20);
    await expect(reports(page).first()).toContainText(narrative(26));
    const version = await page.getByTestId("current").textContent();
    await expect(page.getByTestId("timeline-latest")).toHaveCount(0);
    const older = page.getByRole("link", { name: "Older entries" });
    expect(await older.getAttribute("href")).toMatch(/^\/en\/countries\/JO\/commitments\/35\/4\?before=\d+_[0-9a-f-]{36}$/);
    await older.click();
    await expect(page).toHaveURL(/\?before=/);
    await expect(reports(page).first()).toContainText(narrative(6));
    await expect(page.getByText(narrative(7), { exact: true })).toHaveCount(0);
    // The current state at the top stays that of the pair, not of the page.
    expect(await page.getByTestId("current").textContent()).toBe(version);
    await page.getByRole("link", { name: "Latest entries" }).click();
    await expect(reports(page).first()).toContainText(narrative(26));

    await page.goto("/ar/countries/JO/commitments/35/4");
    await expect(page.locator('[data-testid="timeline"] > li')).toHaveCount(20);
    await page.getByRole("link", { name: "إدخالات أقدم" }).click();
    await expect(page).toHaveURL(/^[^?]*\/ar\/countries\/JO\/commitments\/35\/4\?before=/);
    await expect(reports(page).first()).toContainText(narrative(6));
    await expect(page.getByRole("link", { name: "أحدث الإدخالات" })).toBeVisible();
  });

  // Threat: the older pages of another member state's pair showing its restricted reports.
  test("pages another member state's delegate through the shared reports only", async ({ browser }) => {
    const page = await pageAs(browser, "delegateB");
    await page.goto("/en/countries/JO/commitments/35/4");
    const seen: string[] = [];
    for (let pages = 1; ; pages++) {
      expect(pages).toBeLessThan(10);
      seen.push(...(await reports(page).locator("[data-narrative]").allTextContents()));
      const older = page.getByRole("link", { name: "Older entries" });
      if ((await older.count()) === 0) break;
      await older.click();
      await expect(page).toHaveURL(/\?before=/);
    }
    for (let n = 1; n <= 26; n++) expect(seen.includes(narrative(n)), narrative(n)).toBe(n % 5 !== 0);
  });
});
