// The data layer against the permission matrix's subjects: every guarded operation is tried
// by every subject; refused ones throw and leave the database exactly as it was.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorFromSessionToken } from "@/lib/auth/session";
import { getCommitmentByCode } from "@/lib/data/commitments";
import { getDashboard as getDashboardView } from "@/lib/data/dashboard";
import { createUser as adminCreateUser, issuePasswordLink, listUsers, setUserActive, updateUser } from "@/lib/data/users";
import { signOutEverywhere } from "@/lib/data/accounts";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { GET as getCommitments } from "@/app/api/v1/commitments/route";
import { GET as getDashboard } from "@/app/api/v1/dashboard/route";
import { GET as getMe } from "@/app/api/v1/me/route";
import { apiRequest, noParams, sessionToken } from "./auth";
import { createUser, recordReport } from "./factories";
import { COUNTRY_A, COUNTRY_B, SUBJECTS, adminOnly, routes, signedIn, type Rule, type Subject } from "./permission-matrix";

type Signed = Exclude<Subject, "signedOut" | "delegateARevoked">;
const actors = {} as Record<Signed, Actor>;
let revokedToken: string;

async function digest(): Promise<string> {
  const [row] = await db.$queryRaw<{ digest: string }[]>`
    SELECT md5(coalesce(string_agg(t, '|' ORDER BY t), '')) AS digest FROM (
      SELECT row_to_json(u)::text AS t FROM app_user u
      UNION ALL SELECT row_to_json(p)::text FROM password_token p
      UNION ALL SELECT row_to_json(a)::text FROM audit_log a
    ) rows`;
  return row!.digest;
}

beforeAll(async () => {
  actors.observer = await createUser({ role: "OBSERVER" });
  actors.delegateA = await createUser({ role: "DELEGATE", countryCode: COUNTRY_A });
  actors.delegateB = await createUser({ role: "DELEGATE", countryCode: COUNTRY_B });
  actors.secretariat = await createUser({ role: "SECRETARIAT" });
  actors.admin = await createUser({ role: "ADMIN" });
  const revoked = await createUser({ role: "DELEGATE", countryCode: COUNTRY_A });
  revokedToken = await sessionToken(revoked.id);
  await signOutEverywhere(revoked, null);
});

describe("a revoked session", () => {
  it("resolves to no actor at all, so no data-layer call can be made for it", async () => {
    expect(await actorFromSessionToken(revokedToken)).toBeNull();
  });
});

describe("user administration in the data layer", () => {
  const cases: { name: string; rule: Rule; run: (actor: Actor) => Promise<unknown> }[] = [
    { name: "listUsers", rule: adminOnly, run: (actor) => listUsers(actor) },
    {
      name: "createUser",
      rule: adminOnly,
      run: (actor) =>
        adminCreateUser(actor, { email: `made.by.${actor.role.toLowerCase()}.${Date.now()}@test.tanfeeth.org`, name: "X", role: "OBSERVER", countryCode: null }, null),
    },
    {
      name: "updateUser",
      rule: adminOnly,
      run: (actor) => updateUser(actor, actors.delegateB.id, { name: "Renamed", role: "DELEGATE", countryCode: COUNTRY_B }, null),
    },
    { name: "setUserActive", rule: adminOnly, run: (actor) => setUserActive(actor, actors.observer.id, true, null) },
    { name: "issuePasswordLink", rule: adminOnly, run: (actor) => issuePasswordLink(actor, actors.observer.id, null) },
  ];

  for (const { name, rule, run } of cases) {
    for (const subject of SUBJECTS.filter((s): s is Signed => s !== "signedOut" && s !== "delegateARevoked")) {
      it(`${name} as ${subject}: ${rule[subject]}`, async () => {
        if (rule[subject] === "ok") {
          await expect(run(actors[subject])).resolves.not.toThrow();
        } else {
          const before = await digest();
          await expect(run(actors[subject])).rejects.toBeInstanceOf(ForbiddenError);
          expect(await digest()).toBe(before);
        }
      });
    }
  }
});

describe("a commitment's member-state statuses, by report visibility", () => {
  beforeAll(async () => {
    await recordReport({ code: "35/3", country: COUNTRY_A, status: "COMPLETE", authorId: actors.delegateA.id, visibility: "RESTRICTED" });
    await recordReport({ code: "35/3", country: COUNTRY_B, status: "LIMITED", authorId: actors.delegateB.id, visibility: "MEMBERS" });
    await recordReport({ code: "35/3", country: "MA", status: "SUBSTANTIAL", authorId: actors.delegateB.id, visibility: "OBSERVERS" });
  });

  const expected: Record<Signed, Record<string, string>> = {
    observer: { [COUNTRY_A]: "WITHHELD", [COUNTRY_B]: "WITHHELD", MA: "SUBSTANTIAL" },
    delegateA: { [COUNTRY_A]: "COMPLETE", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
    delegateB: { [COUNTRY_A]: "WITHHELD", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
    secretariat: { [COUNTRY_A]: "COMPLETE", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
    admin: { [COUNTRY_A]: "COMPLETE", [COUNTRY_B]: "LIMITED", MA: "SUBSTANTIAL" },
  };
  for (const [subject, statuses] of Object.entries(expected) as [Signed, Record<string, string>][]) {
    it(`as ${subject}`, async () => {
      const detail = await getCommitmentByCode(actors[subject], "35/3");
      const byCountry = Object.fromEntries(detail!.countries.map((c) => [c.country.code, c.status]));
      for (const [country, status] of Object.entries(statuses)) expect(byCountry[country], country).toBe(status);
    });
    it(`as ${subject}, on the dashboard`, async () => {
      const view = await getDashboardView(actors[subject], { session: 35, theme: "terrorism-financing", disagreements: false, overdue: false });
      const byCountry = Object.fromEntries(view.cells.map((c) => [c.country, c.status]));
      for (const [country, status] of Object.entries(statuses)) expect(byCountry[country], country).toBe(status);
      // Three reports, of which at most two are withheld: the commitment's figures are shown only to those who see them all.
      const hidden = Object.values(statuses).filter((s) => s === "WITHHELD").length;
      expect(view.rollups.commitments["35/3"]!.withheld).toBe(hidden > 0);
    });
  }
});

describe("route handlers, called with each subject's session cookie", () => {
  const handlers: Record<string, typeof getMe> = {
    "/api/v1/me": getMe,
    "/api/v1/commitments": getCommitments,
    "/api/v1/dashboard": getDashboard,
  };
  const STATUS = { ok: 200, unauthenticated: 401, forbidden: 403, notFound: 404 } as const;
  for (const route of routes.filter((r) => handlers[r.route])) {
    for (const subject of SUBJECTS) {
      it(`${route.method} ${route.path} as ${subject}`, async () => {
        const request =
          subject === "signedOut"
            ? await apiRequest(route.path, null)
            : subject === "delegateARevoked"
              ? await apiRequest(route.path, null, { headers: { cookie: `next-auth.session-token=${revokedToken}` } })
              : await apiRequest(route.path, actors[subject].id);
        const response = await handlers[route.route]!(request, noParams);
        expect(response.status).toBe(STATUS[route.expect[subject]]);
      });
    }
  }
  it("covers the API routes whose rule is `signedIn`", () => {
    expect(routes.filter((r) => r.expect === signedIn).every((r) => handlers[r.route])).toBe(true);
  });
});
