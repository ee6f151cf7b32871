import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { openTotpSecret } from "@/lib/auth/totp-secret-box";
import { totpKeys } from "@/lib/env";
import { DEFAULT_DEMO_PASSWORD, seedDemoAccounts, seedDemoHistory } from "./demo";
import { seedReferenceData } from "./reference";

// A digest of every row of the tables the seed writes: equal digests, unchanged data.
async function digest(): Promise<string> {
  const rows = await db.$queryRaw<{ digest: string }[]>`
    SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM (
      SELECT row_to_json(x)::text AS t FROM country x
      UNION ALL SELECT row_to_json(x)::text FROM theme x
      UNION ALL SELECT row_to_json(x)::text FROM council_session x
      UNION ALL SELECT row_to_json(x)::text FROM commitment x
      UNION ALL SELECT row_to_json(x)::text FROM app_user x
      UNION ALL SELECT row_to_json(x)::text FROM report x
      UNION ALL SELECT row_to_json(x)::text FROM pair_status x
    ) rows`;
  return rows[0]!.digest;
}

describe("the seed", () => {
  it("holds the 35th session, its eight commitments, eight themes and 22 member states", async () => {
    const session = await db.councilSession.findUniqueOrThrow({ where: { number: 35 } });
    expect(session.cityEn).toBe("Algiers");
    expect(session.startsOn.toISOString().slice(0, 10)).toBe("2018-03-07");
    expect(session.communiqueAr).toContain("وزراء الداخلية العرب");
    expect(await db.commitment.count()).toBe(8);
    expect(await db.theme.count()).toBe(8);
    expect(await db.country.count()).toBe(22);
  });

  it("changes nothing when run again", async () => {
    const before = await digest();
    expect(await seedReferenceData(db)).toEqual({ created: 0 });
    expect(await digest()).toBe(before);
  });

  it("creates demo accounts and history once, and nothing the second time", async () => {
    const created = await seedDemoAccounts(db, { password: DEFAULT_DEMO_PASSWORD, totpSecret: "JBSWY3DPEHPK3PXP", totpKeys });
    expect(created.length).toBeGreaterThan(10);
    const first = await seedDemoHistory(db);
    expect(first.reports).toBeGreaterThan(50);
    const before = await digest();
    expect(await seedDemoAccounts(db, { password: DEFAULT_DEMO_PASSWORD, totpSecret: "JBSWY3DPEHPK3PXP", totpKeys })).toEqual([]);
    expect(await seedDemoHistory(db)).toEqual({ reports: 0 });
    expect(await digest()).toBe(before);

    const qa = await db.user.findUniqueOrThrow({
      where: { email: "delegate.qa@demo.tanfeeth.org" },
      omit: { passwordHash: false },
    });
    expect(qa.role).toBe("DELEGATE");
    expect(qa.countryCode).toBe("QA");
    expect(await verifyPassword(qa.passwordHash!, DEFAULT_DEMO_PASSWORD)).toBe(true);
    for (const role of ["admin", "secretariat", "observer"]) {
      expect(await db.user.count({ where: { email: `${role}@demo.tanfeeth.org` } })).toBe(1);
    }
    // Staff must sign in with TOTP: without an enrolled authenticator they never could.
    for (const email of ["admin@demo.tanfeeth.org", "secretariat@demo.tanfeeth.org"]) {
      const staff = await db.user.findUniqueOrThrow({ where: { email }, omit: { totpSecret: false } });
      expect(staff).toMatchObject({ totpSecret: expect.stringMatching(/^tf1\./), totpEnabledAt: expect.any(Date) });
      expect(openTotpSecret(staff.id, staff.totpSecret!, totpKeys).secret).toBe("JBSWY3DPEHPK3PXP");
    }
  });

  it("keeps each pair's current version equal to its number of reports", async () => {
    const mismatches = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pair_status p
      WHERE p.version <> (SELECT count(*) FROM report r
                          WHERE r.commitment_id = p.commitment_id AND r.country_code = p.country_code)`;
    expect(Number(mismatches[0]!.n)).toBe(0);
  });

  it("gives every pair whose latest report was returned a thread about it", async () => {
    const returned = await db.pairStatus.findMany({ where: { reviewState: "RETURNED" }, select: { commitmentId: true, countryCode: true } });
    expect(returned.length).toBeGreaterThan(0);
    for (const pair of returned) expect(await db.comment.count({ where: pair })).toBe(2);
  });
});
