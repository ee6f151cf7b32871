// Threats: a caller reaching data or actions beyond their role or country by calling a route
// handler or a server action directly (whatever the UI shows), a revoked session that still
// works, and a route or action added without anyone deciding who may use it.
import { readFileSync } from "node:fs";
import { expect, test, type PlaywrightWorkerArgs } from "@playwright/test";
import { actions, pages, routes, SUBJECTS, type Outcome, type Subject } from "../tests/permission-matrix";
import { DEMO_EMAIL, storageStateOf } from "./support/accounts";
import { callServerAction, serverActionIds } from "./support/server-actions";
import { withDatabase } from "./support/database";

const ROUTE_STATUS: Record<Outcome, number> = { ok: 200, unauthenticated: 401, forbidden: 403, notFound: 404 };

async function as(playwright: PlaywrightWorkerArgs["playwright"], subject: Subject, baseURL: string) {
  return playwright.request.newContext({ baseURL, storageState: storageStateOf(subject) });
}

test.describe("the permission matrix over HTTP", () => {
  test("lists every route, page and server action of the build", () => {
    const appPaths = Object.keys(JSON.parse(readFileSync(".next/server/app-paths-manifest.json", "utf8")) as object);
    const framework = new Set(["/_not-found/page", "/_global-error/page", "/icon.svg/route", "/favicon.ico/route"]);
    const built = appPaths.filter((path) => !framework.has(path)).sort();
    const listed = [
      ...routes.map((r) => `${r.route}/route`),
      ...pages.map((p) => `${p.page}/page`),
    ];
    expect(built.filter((path) => !listed.includes(path)), "built but not in the matrix").toEqual([]);
    expect([...new Set(listed)].filter((path) => !built.includes(path)), "in the matrix but not built").toEqual([]);

    const builtActions = [...serverActionIds().keys()].sort();
    const listedActions = actions.map((a) => `${a.file}#${a.action}`).sort();
    expect(builtActions).toEqual(listedActions);
  });

  for (const subject of SUBJECTS) {
    test(`route handlers, as ${subject}`, async ({ playwright, baseURL }) => {
      const request = await as(playwright, subject, baseURL!);
      for (const route of routes) {
        const response = await request.fetch(route.path, { method: route.method, data: route.body, maxRedirects: 0 });
        const outcome = route.expect[subject];
        expect(response.status(), `${route.method} ${route.path}`).toBe(outcome === "ok" ? (route.okStatus ?? 200) : ROUTE_STATUS[outcome]);
        const expected = outcome === "ok" && route.contentType ? route.contentType : "application/json";
        expect(response.headers()["content-type"], `${route.path} answers ${expected}`).toContain(expected);
      }
      await request.dispose();
    });

    test(`pages, as ${subject}`, async ({ playwright, baseURL }) => {
      const request = await as(playwright, subject, baseURL!);
      for (const page of pages) {
        const response = await request.get(page.path, { maxRedirects: 0 });
        const location = response.headers()["location"] ?? "";
        const outcome = page.expect[subject];
        if (outcome === "unauthenticated") {
          expect(response.status(), page.path).toBe(307);
          expect(location, page.path).toContain("/sign-in");
        } else if (outcome === "ok") {
          expect([200, 307], page.path).toContain(response.status());
          expect(location, page.path).not.toContain("/sign-in");
        } else {
          expect(response.status(), page.path).toBe(404);
        }
      }
      await request.dispose();
    });

    test(`server actions, as ${subject}`, async ({ playwright, baseURL }) => {
      const request = await as(playwright, subject, baseURL!);
      const ids = serverActionIds();
      // The audit log's rows: refusals of server actions for lack of permission, and all others.
      const auditRows = () =>
        withDatabase(async (db) => {
          const { rows } = await db.query<{ refused: string; other: string }>(
            `SELECT count(*) FILTER (WHERE action = 'access.refused' AND target_type = 'action') AS refused,
                    count(*) FILTER (WHERE action <> 'access.refused') AS other FROM audit_log`,
          );
          return { refused: Number(rows[0]!.refused), other: Number(rows[0]!.other) };
        });
      const before = await auditRows();
      let forbidden = 0;
      for (const action of actions) {
        const id = ids.get(`${action.file}#${action.action}`)!;
        const { result } = await callServerAction(request, { id, page: action.page, fields: action.probe, baseURL: baseURL! });
        expect(result, `${action.action} answered`).not.toBeNull();
        const outcome = action.expect[subject];
        const refusedAs =
          result?.message === "errors.unauthenticated" ? "unauthenticated" : result?.message === "errors.forbidden" ? "forbidden" : "ok";
        expect(refusedAs, `${action.action} as ${subject}`).toBe(outcome === "notFound" ? "forbidden" : outcome);
        if (refusedAs === "forbidden") forbidden += 1;
      }
      // Probes are invalid input: refused or not, nothing is written — but the audit row of each
      // call refused for lack of permission: one a minute per user and action, so a refusal
      // recorded by an earlier test may stand for one of these.
      const after = await auditRows();
      expect(after.other).toBe(before.other);
      expect(after.refused - before.refused).toBeLessThanOrEqual(forbidden);
      if (forbidden > 0) {
        const email = DEMO_EMAIL[subject as keyof typeof DEMO_EMAIL];
        const recorded = await withDatabase(async (db) => {
          const { rows } = await db.query<{ actions: string }>(
            `SELECT count(DISTINCT target_id) AS actions FROM audit_log
             WHERE action = 'access.refused' AND target_type = 'action' AND actor_email = $1 AND at > now() - interval '1 minute'`,
            [email],
          );
          return Number(rows[0]!.actions);
        });
        expect(recorded, `refusals recorded for ${email}`).toBeGreaterThanOrEqual(forbidden);
      }
      await request.dispose();
    });
  }
});
