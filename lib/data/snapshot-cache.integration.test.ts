import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorScope } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { parseDashboardQuery } from "@/lib/validation/dashboard";
import { AS_OF, seedDashboardFixture, type DashboardFixture } from "@/tests/dashboard-fixture";
import { recordReport } from "@/tests/factories";
import { getDashboard } from "./dashboard";
import { listRecentActivity } from "./dashboard-activity";
import { getStatusTrend } from "./dashboard-trend";
import { getPairView } from "./history";
import { keptReading, READINGS_KEPT } from "./snapshot-cache";

let f: DashboardFixture;
beforeAll(async () => {
  f = await seedDashboardFixture();
});

const query = parseDashboardQuery(new URLSearchParams("session=35")).query;
const readings = (actor: Actor) =>
  Promise.all([
    getDashboard(actor, query, { asOf: AS_OF }),
    getStatusTrend(actor, query, { asOf: AS_OF }),
    listRecentActivity(actor, query),
    getPairView(actor, "QA", "35/2"),
    getPairView(actor, "QA", "35/1"),
  ]);
const state = async () => (await db.$queryRaw<{ s: string }[]>`SELECT pg_current_snapshot()::text AS s`)[0]!.s;

/**
 * `work()` run while the database stays in one state. The state is the whole server's, and the
 * other test files write to their own databases on it: tried again until no write came between.
 */
async function inOneState<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const before = await state();
    const result = await work();
    if ((await state()) === before) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The database never stayed in one state.");
}

const cellOf = (view: Awaited<ReturnType<typeof getDashboard>>, commitment: string, country: string) =>
  view.cells.find((c) => c.commitment === commitment && c.country === country);

describe("dashboard readings kept while the database is unchanged", () => {
  it("serves the same reading again, and a new one after any committed write", async () => {
    const [first, again] = await inOneState(async () => [(await readings(f.secretariat))[0], (await readings(f.secretariat))[0]]);
    expect(again).toBe(first);

    await recordReport({ code: "35/3", country: "OM", status: "LIMITED", authorId: f.delegates.OM!.id });
    const [after] = await readings(f.secretariat);
    expect(after).not.toBe(first);
    expect(cellOf(first, "35/3", "OM")!.status).toBe("NO_REPORT");
    expect(cellOf(after, "35/3", "OM")!.status).toBe("LIMITED");
  });

  it("shows a pair's new report on the next reading of its page", async () => {
    const delegate = f.delegates.QA!;
    const [before, again] = await inOneState(async () => [await getPairView(delegate, "QA", "35/3"), await getPairView(delegate, "QA", "35/3")]);
    expect(again).toBe(before);
    expect(before!.current.version ?? 0).toBe(0);
    await recordReport({ code: "35/3", country: "QA", status: "SUBSTANTIAL", authorId: delegate.id });
    const after = await getPairView(delegate, "QA", "35/3");
    expect(after!.current.version).toBe(1);
    expect(after!.current.status).toBe("SUBSTANTIAL");
  });

  it("keeps each viewer's scope apart: a restricted report is the QA delegate's, withheld from the others", async () => {
    const qa = await getDashboard(f.delegates.QA!, query, { asOf: AS_OF });
    const dz = await getDashboard(f.delegates.DZ!, query, { asOf: AS_OF });
    const observer = await getDashboard(f.observer, query, { asOf: AS_OF });
    expect(cellOf(qa, "35/2", "QA")!.status).toBe("LIMITED");
    expect(cellOf(dz, "35/2", "QA")!.status).toBe("WITHHELD");
    expect(cellOf(observer, "35/2", "QA")!.status).toBe("WITHHELD");
    // The pair's page: the delegate's restricted report is nobody else's to read.
    expect(await getPairView(f.delegates.QA!, "QA", "35/2")).not.toBeNull();
    expect(await getPairView(f.delegates.DZ!, "QA", "35/2")).toBeNull();
  });

  it("shares a reading between actors of one scope only: the rules read nothing of an actor but its role and country", async () => {
    // An actor that records what is read of it: a reading kept for one actor is served to
    // every actor of the same scope (actorScope), so nothing else may shape it.
    const read = new Set<string>();
    const recording = (actor: Actor) =>
      new Proxy({ ...actor, id: `${actor.id}-recorded` }, {
        get(target, property, receiver) {
          if (typeof property === "string") read.add(property);
          return Reflect.get(target, property, receiver) as unknown;
        },
      });
    // A state no other test has read in: the readings below are loaded, not found kept.
    await recordReport({ code: "35/3", country: "TN", status: "LIMITED", authorId: f.delegates.TN!.id });
    for (const actor of [f.secretariat, f.observer, f.delegates.QA!]) await readings(recording(actor));
    expect([...read].sort()).toEqual(["countryCode", "role"]);
    expect(actorScope(f.delegates.QA!)).not.toBe(actorScope(f.delegates.DZ!));
    expect(actorScope(f.observer)).not.toBe(actorScope(f.secretariat));
  });

  it("shares one load between concurrent requests, and does not keep a failed one", async () => {
    let loads = 0;
    const failOnce = async () => {
      loads += 1;
      if (loads === 1) throw new Error("unavailable");
      return loads;
    };
    await inOneState(async () => {
      loads = 0;
      const key = ["test", Math.random()];
      await expect(keptReading(key, failOnce)).rejects.toThrow("unavailable");
      expect(await Promise.all([keptReading(key, failOnce), keptReading(key, failOnce)])).toEqual([2, 2]);
      expect(await keptReading(key, failOnce)).toBe(2);
    });
    expect(loads).toBe(2);
  });

  it(`keeps at most ${READINGS_KEPT} readings, the least recently used going first`, async () => {
    const loads: string[] = [];
    const load = (name: string) => async () => {
      loads.push(name);
      return name;
    };
    await inOneState(async () => {
      loads.length = 0;
      const run = Math.random();
      await keptReading(["lru", run, "first"], load("first"));
      for (let i = 0; i < READINGS_KEPT; i++) await keptReading(["lru", run, i], load(String(i)));
      await keptReading(["lru", run, READINGS_KEPT - 1], load("again"));
      await keptReading(["lru", run, "first"], load("first"));
    });
    expect(loads.at(-1)).toBe("first");
    expect(loads.filter((name) => name === "first")).toHaveLength(2);
    expect(loads).not.toContain("again");
  });
});
