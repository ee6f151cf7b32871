// Threats: hostile form input to the secretariat's themes, reporting rounds and reminders
// that crashes them, leaves half a change behind, or gets past the schema into PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { createRoundAction, sendRemindersAction, updateRoundAction } from "@/lib/actions/rounds";
import { createThemeAction, updateThemeAction } from "@/lib/actions/themes";
import { todayUtc } from "@/lib/data/rounds";
import { db } from "@/lib/db";
import { CreateRoundSchema, SendRemindersSchema, UpdateRoundSchema } from "@/lib/validation/rounds";
import { CreateThemeSchema, UpdateThemeSchema } from "@/lib/validation/themes";
import { closeFingerprintConnection } from "./fingerprint";
import { countryCodes, PROPERTY_TIMEOUT, testUser, type TestUser } from "./fixtures";
import { checkAction, checkActionRefuses, type ServerAction, watchWrites } from "./harness";

vi.mock("next/headers", () => import("./next-request").then((m) => m.nextHeaders));
vi.mock("next/cache", () => import("./next-request").then((m) => m.nextCache));

let secretariat: TestUser;
let admin: TestUser;
let delegate: TestUser;
let observer: TestUser;
let countries: string[];
let themeIds: string[];
let roundIds: string[];

const DAY = 86_400_000;

beforeAll(async () => {
  [secretariat, admin, delegate, observer] = await Promise.all([testUser("SECRETARIAT"), testUser("ADMIN"), testUser("DELEGATE", "QA"), testUser("OBSERVER")]);
  // Delegates of a few countries, so that reminders have someone to go to.
  await Promise.all(["DZ", "OM", "JO"].map((code) => testUser("DELEGATE", code)));
  countries = await countryCodes();
  themeIds = (await db.theme.findMany({ select: { id: true } })).map((t) => t.id);
  const { id: sessionId } = await db.councilSession.findUniqueOrThrow({ where: { number: 35 }, select: { id: true } });
  const today = todayUtc();
  const round = (name: string, opensOn: Date, closesOn: Date) =>
    db.reportingRound.create({ data: { name, opensOn, closesOn, sessionId, createdById: secretariat.id }, select: { id: true } });
  roundIds = (
    await Promise.all([
      round("Open round", new Date(today.getTime() - 10 * DAY), new Date(today.getTime() + 10 * DAY)),
      round("Closed round", new Date(today.getTime() - 60 * DAY), new Date(today.getTime() - 30 * DAY)),
    ])
  ).map((r) => r.id);
});
beforeAll(watchWrites);
afterAll(closeFingerprintConnection);

function datesInOrder(values: Record<string, unknown>) {
  const { opensOn: a, closesOn: b } = values;
  return typeof a === "string" && typeof b === "string" && b < a ? { ...values, opensOn: b, closesOn: a } : values;
}

describe("server actions of themes, rounds and reminders, with hostile input", () => {
  it("refuses everyone but the secretariat and admins before reading their input", { timeout: PROPERTY_TIMEOUT }, async () => {
    for (const [action, schema] of [
      [createThemeAction, CreateThemeSchema],
      [updateThemeAction, UpdateThemeSchema],
      [createRoundAction, CreateRoundSchema],
      [updateRoundAction, UpdateRoundSchema],
      [sendRemindersAction, SendRemindersSchema],
    ] as const) {
      await checkActionRefuses({ action: action as ServerAction, schema, actors: [null, delegate.id, observer.id] });
    }
  });

  it("sendRemindersAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    // Before rounds are created below: a digest covers every round open today.
    await checkAction({
      action: sendRemindersAction as ServerAction,
      schema: SendRemindersSchema,
      actors: [secretariat.id, admin.id],
      // A valid request builds a digest for each country with missing reports (dozens of queries):
      // fewer all-valid inputs, and mostly for one country, keep the run short.
      input: {
        valid: { roundId: fc.constantFrom(...roundIds), countryCode: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...countries) }, fc.constant("")) },
        weights: { valid: 1, oneBroken: 3, chaos: 6 },
      },
    });
  });

  it("createThemeAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({ action: createThemeAction as ServerAction, schema: CreateThemeSchema, actors: [secretariat.id, admin.id] });
  });

  it("updateThemeAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: updateThemeAction as ServerAction,
      schema: UpdateThemeSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { themeId: fc.constantFrom(...themeIds) } },
    });
  });

  it("createRoundAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: createRoundAction as ServerAction,
      schema: CreateRoundSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { sessionNumber: fc.constantFrom("35", "34") }, derive: datesInOrder },
    });
  });

  it("updateRoundAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: updateRoundAction as ServerAction,
      schema: UpdateRoundSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { roundId: fc.constantFrom(...roundIds.slice(1)) }, derive: datesInOrder },
    });
  });

});
