import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { commitmentId, createUser, recordReport } from "@/tests/factories";
import { reinstateCommitment, withdrawCommitment } from "./council-sessions";
import { createRound, getRound, listRoundFigures, listRoundGaps, roundState, todayUtc, updateRound } from "./rounds";

let secretariat: Actor;
let observer: Actor;
let delegateQa: Actor;
let delegateDz: Actor;
let roundId: string;
let countries: number;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  secretariat = await createUser({ role: "SECRETARIAT" });
  observer = await createUser({ role: "OBSERVER" });
  delegateQa = await createUser({ role: "DELEGATE", countryCode: "QA" });
  delegateDz = await createUser({ role: "DELEGATE", countryCode: "DZ" });
  countries = await db.country.count();
  ({ id: roundId } = await createRound(secretariat, { sessionNumber: 35, name: "First half of 2019", opensOn: day("2019-01-01"), closesOn: day("2019-06-30") }, null));
  const report = (code: string, country: string, at: string, authorId = country === "QA" ? delegateQa.id : delegateDz.id) =>
    recordReport({ code, country, status: "LIMITED", authorId, at: new Date(at) });
  await report("35/1", "QA", "2019-01-15T10:00:00Z"); // inside
  await report("35/2", "QA", "2018-12-31T23:59:59Z"); // the day before it opens
  await report("35/3", "QA", "2019-06-30T23:59:59Z"); // the last second of its last day
  await report("35/4", "QA", "2019-07-01T00:00:00Z"); // the day after it closes
  await report("35/1", "DZ", "2019-02-01T00:00:00Z"); // inside, twice: one pair
  await report("35/1", "DZ", "2019-03-01T00:00:00Z");
  await report("35/8", "DZ", "2019-03-01T00:00:00Z");
});

describe("a round's reporting rate", () => {
  it("counts the pairs with a report submitted within the round's days (UTC, both ends included)", async () => {
    const [round] = await listRoundFigures(observer);
    expect(round).toMatchObject({ id: roundId, name: "First half of 2019", state: "closed", pairs: 8 * countries, reported: 4 });
    expect(round!.rate).toBeCloseTo(4 / (8 * countries));
  });

  it("shows, per member state, the commitments without a report in the round", async () => {
    const round = await getRound(observer, roundId);
    const qa = round!.countries.find((c) => c.country.code === "QA")!;
    expect(qa.missing.map((c) => c.code)).toEqual(["35/2", "35/4", "35/5", "35/6", "35/7", "35/8"]);
    expect(qa).toMatchObject({ reported: 2, delegates: 1 });
    const dz = round!.countries.find((c) => c.country.code === "DZ")!;
    expect(dz.missing.map((c) => c.code)).not.toContain("35/1");
    expect(round!.countries.find((c) => c.country.code === "MA")!.missing).toHaveLength(8);
  });

  it("lists the same gaps for the dashboard in one query: member states with missing commitments only, in order", async () => {
    const round = await getRound(observer, roundId);
    const expected = round!.countries.filter((c) => c.missing.length > 0).map((c) => ({ country: c.country, missing: c.missing.map((m) => m.code) }));
    expect(expected.map((g) => g.country.code)).toContain("QA");
    const gaps = await listRoundGaps(observer, [roundId, "not-a-round"]);
    expect(gaps.get(roundId)).toEqual(expected);
    expect(gaps.has("not-a-round")).toBe(false);
    expect(await listRoundGaps(observer, [])).toEqual(new Map());
  });

  it("leaves withdrawn commitments out of the figures", async () => {
    const id = await commitmentId("35/8");
    await withdrawCommitment(secretariat, id, "test", null);
    const [round] = await listRoundFigures(observer);
    expect(round).toMatchObject({ pairs: 7 * countries, reported: 3 });
    expect((await getRound(observer, roundId))!.countries.find((c) => c.country.code === "QA")!.missing.map((c) => c.code)).not.toContain("35/8");
    await reinstateCommitment(secretariat, id, null);
  });

  it("counts by submission date whether or not a report names the round", async () => {
    // Submitted after the round closed, yet tagged with it: not counted.
    await db.report.create({
      data: {
        commitmentId: await commitmentId("35/5"),
        countryCode: "QA",
        version: 1,
        status: "LIMITED",
        authorId: delegateQa.id,
        roundId,
        submittedAt: new Date("2020-01-01T00:00:00Z"),
      },
    });
    const [round] = await listRoundFigures(observer);
    expect(round!.reported).toBe(4);
  });

  it("follows the round's dates when they move", async () => {
    await updateRound(secretariat, { roundId, name: "2019", opensOn: day("2018-12-31"), closesOn: day("2019-07-01") }, "192.0.2.3");
    const [round] = await listRoundFigures(observer);
    expect(round).toMatchObject({ name: "2019", reported: 6 });
    const [audit] = await db.auditLog.findMany({ where: { action: "round.updated", targetId: roundId } });
    expect(audit).toMatchObject({ before: { name: "First half of 2019", opensOn: "2019-01-01", closesOn: "2019-06-30" }, after: { name: "2019", opensOn: "2018-12-31" } });
  });
});

describe("round state", () => {
  it("is upcoming, open (both days included) or closed, by the UTC calendar day", () => {
    const round = { opensOn: day("2026-03-01"), closesOn: day("2026-03-31") };
    expect(roundState(round, day("2026-02-28"))).toBe("upcoming");
    expect(roundState(round, day("2026-03-01"))).toBe("open");
    expect(roundState(round, day("2026-03-31"))).toBe("open");
    expect(roundState(round, day("2026-04-01"))).toBe("closed");
    expect(todayUtc(new Date("2026-03-31T23:59:59Z")).toISOString()).toBe("2026-03-31T00:00:00.000Z");
  });

  it("lists only the rounds open today when asked", async () => {
    const today = todayUtc();
    const { id } = await createRound(secretariat, { sessionNumber: 35, name: "Now", opensOn: today, closesOn: today }, null);
    expect((await listRoundFigures(observer, { open: true })).map((r) => r.id)).toEqual([id]);
  });

  it("gives several rounds' gaps at once, each from its own dates", async () => {
    const [now] = await listRoundFigures(observer, { open: true });
    const gaps = await listRoundGaps(observer, [now!.id, roundId]);
    // Nothing was reported today: every member state misses every active commitment.
    expect(gaps.get(now!.id)).toHaveLength(countries);
    expect(gaps.get(now!.id)!.every((g) => g.missing.length === now!.pairs / countries)).toBe(true);
    expect(gaps.get(roundId)!.find((g) => g.country.code === "QA")!.missing).not.toContain("35/1");
  });
});

describe("who manages rounds", () => {
  it("refuses delegates and observers, and writes nothing", async () => {
    const before = await db.reportingRound.count();
    for (const actor of [delegateQa, observer]) {
      await expect(createRound(actor, { sessionNumber: 35, name: "x", opensOn: day("2030-01-01"), closesOn: day("2030-02-01") }, null)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateRound(actor, { roundId, name: "x", opensOn: day("2030-01-01"), closesOn: day("2030-02-01") }, null)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db.reportingRound.count()).toBe(before);
  });

  it("records the round's creation in the audit log", async () => {
    const [row] = await db.auditLog.findMany({ where: { action: "round.created", targetId: roundId } });
    expect(row).toMatchObject({ actorId: secretariat.id, after: { sessionNumber: 35, name: "First half of 2019", opensOn: "2019-01-01", closesOn: "2019-06-30" } });
  });
});
