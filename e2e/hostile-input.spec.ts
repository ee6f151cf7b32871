// Threat: text typed by one user — a delegate's narrative, evidence links and file names, the
// secretariat's titles, names and notes, an admin's name for a user — running as script in another
// user's browser, becoming a live javascript:/data: link, reordering the page around it with bidi
// controls, or running as a formula when an export is opened in a spreadsheet.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { expect, test, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { ACCEPTED_SAMPLES } from "../tests/evidence-samples";
import { HOSTILE_PAYLOADS, hugeText } from "../tests/hostile/payloads";
import { startSmtpServer } from "../tests/smtp";
import { signInOverHttp, storageStateOf } from "./support/accounts";
import { AUTH_DIR, smtpPortFor } from "./support/constants";
import { withDatabase } from "./support/database";
import type { Subject } from "../tests/permission-matrix";

const payload = (name: string) => HOSTILE_PAYLOADS.find((p) => p.name === name)!.text;
const ACCEPTED = HOSTILE_PAYLOADS.filter((p) => !p.refused);
const REFUSED = HOSTILE_PAYLOADS.filter((p) => p.refused);
/** Every accepted payload, a paragraph each: what narratives, notes and messages carry. */
const ALL = ACCEPTED.map((p) => p.text).join("\n\n");

// Session 34: below 35, so that it never becomes "the current session" of the specs that follow.
const SESSION = 34;
const THEME_KEY = "hostile-input";
const DELEGATE = { email: "+hostile.kw@example.org", password: "a long hostile passphrase 34", state: `${AUTH_DIR}/hostileKW.json` };

/** Each name the secretariat and the admin give, and the payload it carries (with LINKS, every accepted one is used). */
const NAMES = {
  themeAr: payload("image onerror"),
  themeEn: payload("svg onload"),
  sessionTitleAr: payload("mixed Arabic and English"),
  sessionTitleEn: payload("script tag"),
  cityAr: payload("emoji"),
  cityEn: payload("zero-width characters"),
  // The dashboard CSV carries commitment titles: the four formula prefixes.
  c1TitleAr: payload("CSV formula (=)"),
  c1TitleEn: payload("CSV formula (+)"),
  c1TextAr: payload("iframe srcdoc"),
  c1TextEn: payload("attribute break-out"),
  c1Source: payload("markdown javascript: link"),
  c2TitleAr: payload("CSV formula (-)"),
  c2TitleEn: payload("CSV formula (@)"),
  c2TextAr: payload("javascript: URL"),
  c2TextEn: payload("data: URL"),
  c2Source: payload("markdown data: image"),
  round: payload("bidi isolates"),
  delegate: payload("bidi override (U+202E)"),
  reason: payload("template-looking"),
};
const LINKS = {
  script: `https://www.example.gov/search?q=<script>alert("xss-link")</script>&x="onmouseover=alert(1)`,
  sql: `https://www.example.gov/q?sql=${payload("SQL-looking")}`,
  bidi: "https://www.example.gov/report\u202Efdp.exe",
};
/** Stored names of the evidence files (markup characters and bidi controls dropped, the detected type's extension added). */
const FILES = [
  { typed: "<img src=x onerror=alert('xss-file')>.pdf", stored: "img src=x onerror=alert('xss-file').pdf" },
  { typed: "report\u202Efdp.exe", stored: "reportfdp.exe.pdf" },
];

// A megabyte in a one-line field, of one letter: Chrome takes many seconds per frame to shape a
// megabyte of Arabic on one line (the narrative, a textarea, gets the corpus's mixed megabyte).
const MEGABYTE_NAME = "x".repeat(1024 * 1024);

const byLocale = (locale: string, ar: string, en: string) => (locale === "ar" ? ar : en);
const today = () => new Date().toISOString().slice(0, 10);

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let roundPath = "";
const dialogs: string[] = [];
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ baseURL }) => {
  smtp = await startSmtpServer({ port: smtpPortFor(Number(new URL(baseURL!).port)) });
});

test.afterAll(async () => {
  await smtp?.close();
  // Reminders list every open round: close this spec's round, so that later specs see theirs alone.
  await withDatabase((db) =>
    db.query("UPDATE reporting_round SET opens_on = '2017-04-01', closes_on = '2017-04-30' WHERE name = $1", [NAMES.round]),
  );
});

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(dialogs, "no dialog may open").toEqual([]);
});

async function contextOf(browser: Browser, who: Subject | "hostileDelegate"): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: who === "hostileDelegate" ? DELEGATE.state : storageStateOf(who) });
  contexts.push(context);
  context.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return context;
}

async function pageOf(browser: Browser, who: Subject | "hostileDelegate"): Promise<Page> {
  return (await contextOf(browser, who)).newPage();
}

/** What on the page could run or load script: inline handlers, frames, script links, foreign scripts. */
function inertProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll("*")) {
      for (const name of element.getAttributeNames()) if (/^on/i.test(name)) found.push(`${element.tagName} has ${name}`);
    }
    for (const element of document.querySelectorAll("iframe, frame, object, embed, base, meta[http-equiv]")) found.push(element.outerHTML.slice(0, 120));
    for (const link of document.querySelectorAll("a[href], area[href]")) {
      const protocol = new URL(link.getAttribute("href")!, location.href).protocol;
      if (!["http:", "https:", "mailto:"].includes(protocol)) found.push(`link to ${link.getAttribute("href")}`);
    }
    for (const element of document.querySelectorAll("[src]")) {
      const src = element.getAttribute("src")!;
      if (/^\s*javascript:/i.test(src) || (/^\s*data:/i.test(src) && !src.startsWith("data:image/png;base64,"))) found.push(`${element.tagName} src ${src.slice(0, 60)}`);
    }
    // The app's own scripts carry the page's CSP nonce (or come from its origin): an injected one would not.
    for (const script of document.querySelectorAll("script")) {
      if (!script.nonce && !(script.src && new URL(script.src).origin === location.origin)) found.push(`script ${script.outerHTML.slice(0, 120)}`);
    }
    return found;
  });
}

async function expectInert(page: Page) {
  expect(await inertProblems(page), `${page.url()}: injected elements`).toEqual([]);
}

/**
 * Which of `required` do not appear verbatim as text, and which appearances of it or of `also` are
 * not isolated from the text around them: each must be the whole text of an element that isolates
 * it (<bdi>, dir, a block), or be wrapped in U+2068…U+2069 inside a sentence, option, tooltip or
 * the page title.
 */
function shownProblems(page: Page, required: string[], also: string[] = []): Promise<{ problems: string[]; missing: string[] }> {
  return page.evaluate(
    ({ required, also }) => {
      const values = [...new Set([...required, ...also])].sort((a, b) => b.length - a.length);
      const problems: string[] = [];
      const counts: Record<string, number> = Object.fromEntries(values.map((v) => [v, 0]));
      const isolated = (text: string, value: string) => text.includes(`\u2068${value}\u2069`);
      const inline = (node: Node) => node instanceof Element && ["inline", "contents"].includes(getComputedStyle(node).display);
      const isolating = (element: Element) =>
        element.tagName === "BDI" || element.tagName === "OPTION" || !inline(element) ||
        ["isolate", "isolate-override", "plaintext"].includes(getComputedStyle(element).unicodeBidi);
      /** `node` is alone in its line box run: its inline neighbours (up to a block) hold only whitespace. */
      const aloneInBlock = (node: Node) => {
        const parent = node.parentElement;
        if (!parent || inline(parent)) return false;
        for (const direction of ["previousSibling", "nextSibling"] as const) {
          for (let sibling = node[direction]; sibling; sibling = sibling[direction]) {
            if (sibling instanceof Element && !inline(sibling)) break;
            if ((sibling.textContent ?? "").trim()) return false;
          }
        }
        return true;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        if (node.parentElement?.closest("script, style, textarea, template, noscript")) continue;
        const value = values.find((v) => text.includes(v));
        if (!value) continue;
        counts[value]! += 1;
        if (isolated(text, value)) continue;
        if (text.trim() !== value) {
          problems.push(`"${value}" inside "${text.slice(0, 80)}"`);
          continue;
        }
        // The outermost node whose whole text is the value, and whether anything on the way isolates it.
        let outer: Node = node;
        let ok = false;
        for (let element = node.parentElement; element && (element.textContent ?? "").trim() === value; element = element.parentElement) {
          if (isolating(element)) ok = true;
          outer = element;
        }
        if (!ok && !aloneInBlock(outer)) problems.push(`"${value}" not isolated in <${outer.parentElement?.tagName.toLowerCase()}>`);
      }
      for (const element of document.querySelectorAll("[title], [aria-label], [alt], [placeholder]")) {
        for (const name of ["title", "aria-label", "alt", "placeholder"]) {
          const text = element.getAttribute(name);
          const value = text ? values.find((v) => text.includes(v)) : undefined;
          if (!text || !value) continue;
          counts[value]! += 1;
          if (text !== value && !isolated(text, value)) problems.push(`${name}="${text.slice(0, 80)}"`);
        }
      }
      const value = values.find((v) => document.title.includes(v));
      if (value && !isolated(document.title, value)) problems.push(`page title "${document.title}"`);
      return { problems, missing: required.filter((v) => counts[v] === 0) };
    },
    { required, also },
  );
}

async function expectShown(page: Page, required: string[], also: string[] = []) {
  const result = await shownProblems(page, required, also);
  expect(result.problems, `${page.url()}: user text not isolated`).toEqual([]);
  expect(result.missing, `${page.url()}: user text not shown verbatim`).toEqual([]);
}

/** A narrative (Markdown) shows every payload as text, and links none of them. */
async function expectNarrative(page: Page) {
  const narrative = page.locator("[data-narrative]").first();
  const text = (await narrative.textContent()) ?? "";
  for (const p of ACCEPTED) expect(text, `narrative shows ${p.name}`).toContain(p.markdown ?? p.text);
  await expect(narrative.locator("a")).toHaveCount(0);
  await expect(narrative.locator("img, svg, iframe, script")).toHaveCount(0);
}

/**
 * Pastes `text` into a field (typing a megabyte key by key would take the test's whole time), and
 * waits until the browser has drawn it: laying out a megabyte is Chrome's time, not the app's.
 */
async function paste(field: Locator, text: string) {
  await field.evaluate(async (element: HTMLInputElement | HTMLTextAreaElement, value) => {
    element.value = value;
    element.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((drawn) => requestAnimationFrame(() => setTimeout(drawn)));
  }, text);
}

/** Whether a field holds exactly `text` (compared in the page: a megabyte is not worth a diff). */
const holds = (field: Locator, text: string) => field.evaluate((element: HTMLInputElement | HTMLTextAreaElement, value) => element.value === value, text);

/** Clicks a form's button and waits for its server action to answer (a refusal may look like the last one). */
async function submit(button: Locator) {
  const page = button.page();
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && !r.url().includes("/api/")), button.click()]);
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expectInert(page);
}

// Positive controls: the checks below must be able to find what they look for.
test("the page checks catch dialogs, live markup, script links and text that is not isolated", async ({ browser }) => {
  const page = await pageOf(browser, "signedOut");
  await page.evaluate(() => alert("control"));
  expect(dialogs.splice(0)).toEqual(["alert: control"]);

  const inert = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await inert.setContent(`<p>by ${NAMES.delegate} (delegate)</p><p><bdi>${NAMES.delegate}</bdi></p>` +
    `<img src=x onerror="alert(1)"><a href="javascript:alert(1)">a</a><a href=" JAVA\tSCRIPT:alert(1)">b</a><iframe srcdoc="x"></iframe>`);
  expect(await inertProblems(inert)).toEqual([
    "IMG has onerror",
    '<iframe srcdoc="x"></iframe>',
    "link to javascript:alert(1)",
    "link to  JAVA\tSCRIPT:alert(1)",
  ]);
  expect(await shownProblems(inert, [NAMES.delegate, "never shown"])).toEqual({
    problems: [`"${NAMES.delegate}" inside "by ${NAMES.delegate} (delegate)"`],
    missing: ["never shown"],
  });
  await inert.context().close();
});

test("an admin names a delegate, who sets a password through the link", async ({ browser }) => {
  const admin = await pageOf(browser, "admin");
  await admin.goto("/en/admin/users");
  const create = admin.locator("form").filter({ has: admin.locator("#countryCode") });
  await create.locator("#email").fill(DELEGATE.email);
  await create.locator("#name").fill(REFUSED[0]!.text);
  await create.locator("#countryCode").selectOption("KW");
  await submit(create.getByRole("button", { name: "Create user" }));
  await expect(create.getByText("This text contains characters that are not allowed.")).toBeVisible();
  await expect(create.locator("#email")).toHaveValue(DELEGATE.email);
  await expect(create.locator("#name")).toHaveValue(REFUSED[0]!.text);
  await expect(create.locator("#countryCode")).toHaveValue("KW");
  await create.locator("#name").fill(NAMES.delegate);
  await create.getByRole("button", { name: "Create user" }).click();
  const link = new URL((await create.getByTestId("password-link").textContent())!);

  // The new delegate sets a password through the link (their name, in a sentence, is isolated).
  const delegate = await (await contextOf(browser, "signedOut")).newPage();
  await visit(delegate, link.pathname.replace(/^\/en/, "/ar"));
  await expectShown(delegate, [NAMES.delegate]);
  await delegate.goto(link.pathname);
  await delegate.getByLabel("Password", { exact: true }).fill(DELEGATE.password);
  await delegate.getByLabel("Repeat the password").fill(DELEGATE.password);
  await delegate.getByRole("button", { name: "Set password" }).click();
  await expect(delegate.getByText("Your password is set.")).toBeVisible();
  expect((await signInOverHttp(delegate.request, { email: DELEGATE.email, password: DELEGATE.password })).status()).toBe(200);
  await delegate.context().storageState({ path: DELEGATE.state });
});

test("the secretariat names a theme, a session, its commitments and a round, and reminds the delegate", async ({ browser }) => {
  test.setTimeout(120_000);
  const secretariat = await pageOf(browser, "secretariat");
  await secretariat.goto("/en/admin/themes");
  const theme = secretariat.locator('form[data-theme="new"]');
  await theme.getByLabel("Key", { exact: true }).fill(THEME_KEY);
  await theme.getByLabel("Name (English)").fill(REFUSED[1]!.text);
  await paste(theme.getByLabel("Name (Arabic)"), MEGABYTE_NAME);
  await submit(theme.getByRole("button", { name: "Create the theme" }));
  await expect(theme.getByText("This text is too long.")).toBeVisible();
  await expect(theme.getByText("This text contains characters that are not allowed.")).toBeVisible();
  expect(await holds(theme.getByLabel("Name (Arabic)"), MEGABYTE_NAME)).toBe(true);
  expect(await withDatabase(async (db) => (await db.query("SELECT 1 FROM theme WHERE key = $1", [THEME_KEY])).rowCount)).toBe(0);
  await theme.getByLabel("Name (Arabic)").fill(NAMES.themeAr);
  await theme.getByLabel("Name (English)").fill(NAMES.themeEn);
  await theme.getByRole("button", { name: "Create the theme" }).click();
  await expect(theme.getByRole("status").filter({ hasText: "Theme created." })).toBeVisible();

  await secretariat.goto("/en/admin/sessions");
  await secretariat.getByLabel("Number").fill(String(SESSION));
  await secretariat.getByLabel("Title (Arabic)").fill(NAMES.sessionTitleAr);
  await secretariat.getByLabel("Title (English)").fill(NAMES.sessionTitleEn);
  await secretariat.getByLabel("City (Arabic)").fill(NAMES.cityAr);
  await secretariat.getByLabel("City (English)").fill(NAMES.cityEn);
  await secretariat.getByLabel("Opens on").fill("2017-03-01");
  await secretariat.getByLabel("Final communiqué (Arabic)").fill(ALL);
  await secretariat.getByRole("button", { name: "Create the session" }).click();
  await expect(secretariat).toHaveURL(new RegExp(`/en/admin/sessions/${SESSION}$`));

  await secretariat.getByText("Add a commitment by hand").click();
  const commitment = secretariat.locator("form").filter({ has: secretariat.locator("#new-code") });
  for (const [code, n] of [[`${SESSION}/1`, "c1"], [`${SESSION}/2`, "c2"]] as const) {
    await commitment.getByLabel("Code", { exact: true }).fill(code);
    await commitment.getByLabel("Theme").selectOption(THEME_KEY);
    await commitment.getByLabel("Title (Arabic)").fill(NAMES[`${n}TitleAr`]);
    await commitment.getByLabel("Title (English)").fill(NAMES[`${n}TitleEn`]);
    await commitment.getByLabel("Text (Arabic)").fill(NAMES[`${n}TextAr`]);
    await commitment.getByLabel("Text (English)").fill(NAMES[`${n}TextEn`]);
    await commitment.getByLabel("Source sentence of the communiqué").fill(NAMES[`${n}Source`]);
    await commitment.getByRole("button", { name: "Add the commitment" }).click();
    await expect(secretariat.locator(`tr[data-commitment="${code}"]`)).toBeVisible();
  }

  await secretariat.goto("/en/admin/rounds");
  await secretariat.getByLabel("Session").selectOption(String(SESSION));
  await secretariat.getByLabel("Name").fill(NAMES.round);
  await secretariat.getByRole("button", { name: "Open the round" }).click();
  await expect(secretariat).toHaveURL(/\/en\/admin\/rounds\/[0-9a-f-]{36}$/);
  roundPath = new URL(secretariat.url()).pathname.replace(/^\/en/, "");
  const kuwait = secretariat.locator('tr[data-country="KW"]');
  await kuwait.getByRole("button", { name: "Remind" }).click();
  await expect(kuwait.getByTestId("reminder-outcome")).toContainText("1 delegates notified (1 by e-mail");
  // The e-mail is plain text: the round's name and the titles arrive as typed.
  const mail = smtp.messages.find((m) => m.to.includes(DELEGATE.email));
  for (const text of [NAMES.round, NAMES.c1TitleAr, NAMES.c1TitleEn, NAMES.c2TitleAr, NAMES.c2TitleEn, NAMES.delegate]) {
    expect(mail?.text).toContain(text);
  }
});

test("a delegate's refused input gets a clear error and keeps the text; the rest is stored as typed", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await pageOf(browser, "hostileDelegate");
  await page.goto(`/ar/countries/KW/commitments/${SESSION}/1`);
  await expect(page.getByTestId("report-form")).toHaveAttribute("data-hydrated", "true");
  const form = page.getByTestId("report-form");
  const narrative = form.getByLabel("السرد");
  const send = form.getByRole("button", { name: "إرسال التقرير" });
  const stored = () =>
    withDatabase(async (db) => Number((await db.query("SELECT (SELECT count(*) FROM report WHERE country_code = 'KW') + (SELECT count(*) FROM report_draft WHERE country_code = 'KW') AS n")).rows[0].n));

  await form.getByLabel("الحالة", { exact: true }).selectOption("NOT_APPLICABLE");
  await form.getByLabel("سبب عدم الانطباق").fill(NAMES.reason);
  for (const refused of REFUSED) {
    await narrative.fill(refused.text);
    await submit(send);
    await expect(form.getByText("يحتوي هذا النص على محارف غير مسموح بها.")).toBeVisible();
    await expect(narrative).toHaveValue(refused.text);
  }

  // About a megabyte: refused at once with "too long", the text kept in the form.
  const huge = hugeText();
  await paste(narrative, huge);
  const started = Date.now();
  await submit(send);
  await expect(form.getByText("استخدم 10000 حرف على الأكثر.")).toBeVisible();
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(await holds(narrative, huge)).toBe(true);

  await paste(narrative, ALL);
  const refusedLinks = ["javascript:alert('xss-link')", " JaVaScRiPt:alert(document.domain)", payload("data: URL"), `https://www.example.gov/${REFUSED[1]!.text}`];
  await form.getByLabel("روابط الأدلة").fill(refusedLinks.join("\n"));
  await submit(send);
  await expect(form.getByText("لا تُقبل إلا عناوين الويب التي تبدأ بـ https:// أو http://.").first()).toBeVisible();
  await expect(form.getByText("يجب أن يكون كل سطر عنوان ويب كاملًا.").first()).toBeVisible();
  await expect(form.getByLabel("روابط الأدلة")).toHaveValue(refusedLinks.join("\n"));
  await expect(narrative).toHaveValue(ALL);
  expect(await stored()).toBe(0);

  await form.getByLabel("روابط الأدلة").fill(Object.values(LINKS).join("\n"));
  await form.getByLabel("ملفات الأدلة").setInputFiles(FILES.map((f) => ({ name: f.typed, mimeType: "application/pdf", buffer: ACCEPTED_SAMPLES.pdf!.bytes })));
  await submit(send);
  await expect(page.locator('[data-testid="timeline"] > li[data-kind="report"]')).toHaveCount(1);
  const report = await withDatabase(async (db) => (await db.query("SELECT narrative, not_applicable_reason, evidence_links FROM report WHERE country_code = 'KW'")).rows[0]);
  expect(report).toEqual({ narrative: ALL, not_applicable_reason: NAMES.reason, evidence_links: Object.values(LINKS) });

  const thread = page.getByTestId("comment-form");
  await expect(thread).toHaveAttribute("data-hydrated", "true");
  await thread.getByLabel("رسالة جديدة").fill(REFUSED[1]!.text);
  await submit(thread.getByRole("button", { name: "إرسال" }));
  await expect(thread.getByText("يحتوي هذا النص على محارف غير مسموح بها.")).toBeVisible();
  await thread.getByLabel("رسالة جديدة").fill(ALL);
  await thread.getByRole("button", { name: "إرسال" }).click();
  await expect(page.getByTestId("thread").locator("li")).toHaveCount(1);

  // A draft on the other commitment keeps every character.
  await page.goto(`/ar/countries/KW/commitments/${SESSION}/2`);
  await expect(page.getByTestId("report-form")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("السرد").fill(ALL);
  await page.getByRole("button", { name: "حفظ المسودة" }).click();
  await expect(page.getByTestId("draft-notice")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("السرد")).toHaveValue(ALL);
});

test("the secretariat's review note, assessment and message", async ({ browser }) => {
  const page = await pageOf(browser, "secretariat");
  for (const locale of ["ar", "en"]) {
    await visit(page, `/${locale}/review?country=KW`);
    await expect(page.locator(`tr[data-country="KW"][data-commitment="${SESSION}/1"]`)).toBeVisible();
    await expectShown(page, [byLocale(locale, NAMES.c1TitleAr, NAMES.c1TitleEn), byLocale(locale, NAMES.themeAr, NAMES.themeEn)]);
  }
  await page.goto(`/en/countries/KW/commitments/${SESSION}/1`);
  await expect(page.getByTestId("review-form")).toHaveAttribute("data-hydrated", "true");
  await page.getByLabel("Return for revision").check();
  await page.getByLabel("Comment to the delegates").fill(REFUSED[0]!.text);
  await submit(page.getByRole("button", { name: "Record decision" }));
  await expect(page.getByTestId("review-form").getByText("This text contains characters that are not allowed.")).toBeVisible();
  await page.getByLabel("Return for revision").check();
  await page.getByLabel("Comment to the delegates").fill(ALL);
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("review-state")).toHaveAttribute("data-state", "RETURNED");

  await page.getByLabel("0 Partial compliance").check();
  await page.getByLabel("Rationale").fill(ALL);
  await page.getByRole("button", { name: "Record assessment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Assessment recorded." })).toBeVisible();
  const thread = page.getByTestId("comment-form");
  await thread.getByLabel("New message").fill(ALL);
  await thread.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("thread").locator("li")).toHaveCount(2);
});

test("every page shows it as inert, isolated text, in Arabic and in English", async ({ browser }) => {
  test.setTimeout(120_000);
  const secretariat = await pageOf(browser, "secretariat");
  const admin = await pageOf(browser, "admin");
  const delegate = await pageOf(browser, "hostileDelegate");
  for (const locale of ["ar", "en"]) {
    const pick = (ar: string, en: string) => byLocale(locale, ar, en);
    const theme = pick(NAMES.themeAr, NAMES.themeEn);
    const sessionTitle = pick(NAMES.sessionTitleAr, NAMES.sessionTitleEn);
    const city = pick(NAMES.cityAr, NAMES.cityEn);
    const titles = [pick(NAMES.c1TitleAr, NAMES.c1TitleEn), pick(NAMES.c2TitleAr, NAMES.c2TitleEn)];

    await visit(secretariat, `/${locale}?session=${SESSION}`);
    await expectShown(secretariat, [sessionTitle, city, theme, ...titles]);

    await visit(secretariat, `/${locale}/commitments/${SESSION}/1`);
    await expectShown(secretariat, [titles[0]!, theme, NAMES.c1TextAr, NAMES.c1TextEn, NAMES.c1Source]);

    await visit(secretariat, `/${locale}/countries/KW?session=${SESSION}`);
    await expectShown(secretariat, [sessionTitle, theme, ...titles]);

    // The pair's page: its history (narrative, reason, evidence, round, review note, assessment) and messages.
    const pair = [titles[0]!, theme, NAMES.delegate, NAMES.round, NAMES.reason, ALL, LINKS.script, LINKS.sql, "https://www.example.gov/report%E2%80%AEfdp.exe", ...FILES.map((f) => f.stored)];
    const paragraphs = ACCEPTED.filter((p) => !p.markdown).map((p) => p.text);
    await visit(secretariat, `/${locale}/countries/KW/commitments/${SESSION}/1`);
    await expectShown(secretariat, pair, paragraphs);
    await expectNarrative(secretariat);
    const links = secretariat.getByTestId("timeline").locator('a[target="_blank"]');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(Object.values(LINKS));

    await visit(secretariat, `/${locale}/admin/themes`);
    await expectShown(secretariat, [theme]);
    await visit(secretariat, `/${locale}/admin/sessions`);
    await expectShown(secretariat, [sessionTitle, city]);
    await visit(secretariat, `/${locale}/admin/sessions/${SESSION}`);
    await expectShown(secretariat, [sessionTitle, city, theme, ...titles]);
    await visit(secretariat, `/${locale}/admin/sessions/${SESSION}/import`);
    await visit(secretariat, `/${locale}/admin/commitments/${SESSION}/1`);
    await expectShown(secretariat, [sessionTitle, titles[0]!]);
    await visit(secretariat, `/${locale}/admin/rounds`);
    await expectShown(secretariat, [NAMES.round, sessionTitle]);
    await visit(secretariat, `/${locale}${roundPath}`);
    await expectShown(secretariat, [NAMES.round, sessionTitle, titles[1]!]);

    await visit(admin, `/${locale}/admin/users?country=KW`);
    await expectShown(admin, [NAMES.delegate]);
    // The audit log shows what was typed as JSON, with invisible and bidi characters escaped.
    await visit(admin, `/${locale}/admin/audit?action=user.created`);
    const records = await admin.locator("pre").allTextContents();
    expect(records.some((record) => record.includes("\\u202E"))).toBe(true);
    expect(records.some((record) => /[\u202A-\u202E\u2066-\u2069]/.test(record))).toBe(false);
    expect(records.map((record) => (JSON.parse(record) as { name?: string }).name)).toContain(NAMES.delegate);

    await visit(delegate, `/${locale}/notifications`);
    await expectShown(delegate, [NAMES.delegate, NAMES.round, ...titles]);
    await visit(delegate, `/${locale}/countries/KW/commitments/${SESSION}/1`);
    await expectShown(delegate, pair, paragraphs);
    await expect(delegate.getByTestId("returned-notice")).toContainText(payload("script tag"));
    await visit(delegate, `/${locale}/countries/KW/commitments/${SESSION}/2`);
    await expect(delegate.getByTestId("report-form").locator("textarea[name=narrative]")).toHaveValue(ALL);
  }
});

test("the CSV exports neutralise formulas and keep Arabic", async ({ browser }) => {
  const FORMULA = /^[=+\-@\t\r]/;
  const NUMBER = /^-?\d+(\.\d+)?$/;
  const download = async (page: Page) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
    const rows = parse(readFileSync((await file.path())!), { bom: true, relax_column_count: false }) as string[][];
    for (const cell of rows.flat()) if (!NUMBER.test(cell)) expect(cell, "a cell a spreadsheet would run").not.toMatch(FORMULA);
    const [header, ...body] = rows;
    return body.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
  };

  const secretariat = await pageOf(browser, "secretariat");
  await secretariat.goto(`/en?session=${SESSION}`);
  const cells = await download(secretariat);
  expect(cells).toHaveLength(2 * 22);
  const kuwait = cells.find((c) => c.commitment === `${SESSION}/1` && c.country === "KW")!;
  expect(kuwait).toMatchObject({
    commitment_title_ar: `'${NAMES.c1TitleAr}`,
    commitment_title_en: `'${NAMES.c1TitleEn}`,
    country_name_ar: "الكويت",
    status: "NOT_APPLICABLE",
  });
  expect(cells.find((c) => c.commitment === `${SESSION}/2`)).toMatchObject({
    commitment_title_ar: `'${NAMES.c2TitleAr}`,
    commitment_title_en: `'${NAMES.c2TitleEn}`,
  });

  const admin = await pageOf(browser, "admin");
  await admin.goto(`/en/admin/audit?from=${today()}`);
  const entries = await download(admin);
  expect(entries.filter((e) => e.action === "report.submitted" && e.actor_email === `'${DELEGATE.email}`)).toHaveLength(1);
  const after = (action: string) => entries.filter((e) => e.action === action).map((e) => JSON.parse(e.after!) as Record<string, unknown>);
  expect(after("user.created")).toContainEqual(expect.objectContaining({ name: NAMES.delegate }));
  expect(after("theme.created")).toContainEqual(expect.objectContaining({ nameAr: NAMES.themeAr, nameEn: NAMES.themeEn }));
  expect(after("session.created")).toContainEqual(expect.objectContaining({ titleAr: NAMES.sessionTitleAr }));
});
