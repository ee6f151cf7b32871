// Threat: one member state's restricted reports reaching another member state, an observer
// or the public through any page or API response. Each country's restricted reports carry a
// unique canary string — in the narrative, an evidence link, the not-applicable reason, an
// evidence file's name and the pair's thread; no response to someone who may not read them may
// contain it.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { COUNTRY_A, COUNTRY_B, pages, routes, SUBJECTS, type Subject } from "../tests/permission-matrix";
import { storageStateOf } from "./support/accounts";
import { appendRestrictedReport } from "./support/database";

const canary: Record<string, string> = { [COUNTRY_A]: `CANARY-${COUNTRY_A}-${randomBytes(6).toString("hex")}`, [COUNTRY_B]: `CANARY-${COUNTRY_B}-${randomBytes(6).toString("hex")}` };

/** Whose restricted reports each subject may read. */
const mayRead: Record<Subject, string[]> = {
  signedOut: [],
  observer: [],
  delegateA: [COUNTRY_A],
  delegateARevoked: [],
  delegateB: [COUNTRY_B],
  secretariat: [COUNTRY_A, COUNTRY_B],
  admin: [COUNTRY_A, COUNTRY_B],
};

test.beforeAll(async () => {
  for (const country of [COUNTRY_A, COUNTRY_B]) {
    for (let n = 1; n <= 8; n++) await appendRestrictedReport(country, `35/${n}`, `${canary[country]} — restricted narrative ${n}`, canary[country]);
  }
});

for (const subject of SUBJECTS) {
  test(`no response to ${subject} carries a restricted report it may not read`, async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateOf(subject) });
    const forbidden = [COUNTRY_A, COUNTRY_B].filter((country) => !mayRead[subject].includes(country)).map((c) => canary[c]!);
    const paths = [
      ...routes.filter((r) => r.method === "GET").map((r) => r.path),
      ...pages.flatMap((p) => [p.path, p.path.replace(/^\/en/, "/ar")]),
    ];
    for (const path of paths) {
      const body = await (await request.get(path)).text();
      for (const secret of forbidden) expect(body.includes(secret), `${path} as ${subject}`).toBe(false);
    }
    await request.dispose();
  });
}

// Positive controls: the sweep above must be able to find a canary where one is shown.
test("each delegate and the secretariat do see the restricted narratives they may read", async ({ playwright, baseURL }) => {
  const cases: [Subject, string][] = [
    ["delegateA", COUNTRY_A],
    ["delegateB", COUNTRY_B],
    ["secretariat", COUNTRY_A],
    ["admin", COUNTRY_B],
  ];
  for (const [subject, country] of cases) {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateOf(subject) });
    for (const path of [`/en/countries/${country}/commitments/35/1`, `/ar/countries/${country}/commitments/35/2`, `/api/v1/countries/${country}/reports?commitment=35/3`]) {
      const body = await (await request.get(path)).text();
      expect(body.includes(canary[country]!), `${path} as ${subject}`).toBe(true);
    }
    // …and in every field that carries it: the sweep is only as good as its canaries.
    const page = await (await request.get(`/en/countries/${country}/commitments/35/4`)).text();
    for (const field of [`${canary[country]}.pdf`, `evidence.example.org/${canary[country]}`, `${canary[country]} — thread`]) {
      expect(page.includes(field), `${field} as ${subject}`).toBe(true);
    }
    await request.dispose();
  }
});
