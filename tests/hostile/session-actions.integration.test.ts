// Threats: hostile form input to the secretariat's editing of council sessions and their
// commitments (creation, edits, withdrawal, deletion, carry-over, the importer's last step)
// that crashes it, leaves half a change behind, or gets past the schema into PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import {
  carryOverAction,
  createCommitmentAction,
  createSessionAction,
  deleteCommitmentAction,
  importCommitmentsAction,
  reinstateCommitmentAction,
  updateCommitmentAction,
  updateCommuniqueAction,
  updateSessionAction,
  withdrawCommitmentAction,
} from "@/lib/actions/council-sessions";
import { db } from "@/lib/db";
import {
  CarryOverSchema,
  CommitmentIdSchema,
  CommuniqueSchema,
  CreateCommitmentSchema,
  CreateSessionSchema,
  ImportCommitmentsSchema,
  ImportItemSchema,
  UpdateCommitmentSchema,
  UpdateSessionSchema,
  WithdrawCommitmentSchema,
} from "@/lib/validation/council-sessions";
import { recordReport } from "@/tests/factories";
import { inputArbitrary, toJsonText, type Entries } from "./arbitraries";
import { closeFingerprintConnection } from "./fingerprint";
import { fill, placeholder, PROPERTY_TIMEOUT, SESSION_35_CODES, testUser, type TestUser, themeKeys, valueOf } from "./fixtures";
import { checkAction, checkActionRefuses, type ServerAction, watchWrites } from "./harness";

vi.mock("next/headers", () => import("./next-request").then((m) => m.nextHeaders));
vi.mock("next/cache", () => import("./next-request").then((m) => m.nextCache));

let secretariat: TestUser;
let admin: TestUser;
let delegate: TestUser;
let observer: TestUser;
let keys: string[];
/** Commitments of the seeded session 35, one of session 34 with a report, and their ids. */
let ids: string[];
let themeId: string;

async function session(number: number) {
  return db.councilSession.create({
    data: { number, cityAr: "تونس", cityEn: "Tunis", titleAr: `الدورة ${number}`, titleEn: `Session ${number}`, startsOn: new Date(Date.UTC(1983 + number, 2, 1)), communiqueAr: "نص البيان" },
    select: { id: true },
  });
}

let session34 = "";
let position = 0;

/** A commitment of session 34 with no history: one that may be deleted, withdrawn or carried over. */
async function freshCommitment(): Promise<string> {
  const words = { titleAr: "التزام", titleEn: "A commitment", textAr: "نص", textEn: "Text", sourceAr: "نص" };
  for (;;) {
    if (!position) {
      const codes = await db.commitment.findMany({ where: { sessionId: session34 }, select: { code: true } });
      position = Math.max(100, ...codes.map((c) => Number(c.code.split("/")[1]))) + 1;
    }
    const code = `34/${position}`;
    const free = !(await db.commitment.findUnique({ where: { code }, select: { id: true } }));
    if (free) return (await db.commitment.create({ data: { ...words, code, sortOrder: position++, sessionId: session34, themeId }, select: { id: true } })).id;
    position = 0; // taken by an action since: count again
  }
}

beforeAll(async () => {
  [secretariat, admin, delegate, observer] = await Promise.all([testUser("SECRETARIAT"), testUser("ADMIN"), testUser("DELEGATE", "QA"), testUser("OBSERVER")]);
  keys = await themeKeys();
  themeId = (await db.theme.findFirstOrThrow({ select: { id: true } })).id;
  session34 = (await session(34)).id;
  await session(36);
  const withReport = await freshCommitment();
  const code = (await db.commitment.findUniqueOrThrow({ where: { id: withReport }, select: { code: true } })).code;
  await recordReport({ code, country: "QA", status: "LIMITED", authorId: delegate.id });
  ids = [...(await db.commitment.findMany({ where: { code: { in: SESSION_35_CODES } }, select: { id: true } })).map((c) => c.id), withReport];
});
beforeAll(watchWrites);
afterAll(closeFingerprintConnection);

const sessionNumber = () => fc.constantFrom("34", "35", "36");
const commitment = () => fc.oneof(fc.constantFrom(...ids), fc.constant(placeholder("fresh")));
const withFresh = (entries: Entries) => fill(entries, "fresh", freshCommitment);
const CODE = /^[1-9]\d{0,3}\/[1-9]\d{0,3}$/;

/** An all-valid session's dates in order (the schema refuses the others, which the hostile inputs cover). */
function datesInOrder(first: string, second: string) {
  return (values: Record<string, unknown>) => {
    const [a, b] = [values[first], values[second]];
    return typeof a === "string" && typeof b === "string" && b !== "" && b < a ? { ...values, [first]: b, [second]: a } : values;
  };
}

/** A commitment code in the session the form names. */
function codeInSession(values: Record<string, unknown>) {
  const { sessionNumber: number, code } = values;
  return typeof number === "string" && typeof code === "string" && CODE.test(code) ? { ...values, code: `${number}/${code.split("/")[1]}` } : values;
}

describe("server actions of council sessions and commitments, with hostile input", () => {
  it("refuses everyone but the secretariat and admins before reading their input", { timeout: PROPERTY_TIMEOUT }, async () => {
    for (const [action, schema] of [
      [createSessionAction, CreateSessionSchema],
      [updateSessionAction, UpdateSessionSchema],
      [updateCommuniqueAction, CommuniqueSchema],
      [createCommitmentAction, CreateCommitmentSchema],
      [updateCommitmentAction, UpdateCommitmentSchema],
      [deleteCommitmentAction, CommitmentIdSchema],
      [withdrawCommitmentAction, WithdrawCommitmentSchema],
      [reinstateCommitmentAction, CommitmentIdSchema],
      [carryOverAction, CarryOverSchema],
      [importCommitmentsAction, ImportCommitmentsSchema],
    ] as const) {
      await checkActionRefuses({ action: action as ServerAction, schema, actors: [null, delegate.id, observer.id] });
    }
  });

  it("createSessionAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: createSessionAction as ServerAction,
      schema: CreateSessionSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { number: fc.oneof(fc.integer({ min: 1, max: 9999 }).map(String), sessionNumber()) }, derive: datesInOrder("startsOn", "endsOn") },
    });
  });

  it("updateSessionAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: updateSessionAction as ServerAction,
      schema: UpdateSessionSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { sessionNumber: sessionNumber() }, derive: datesInOrder("startsOn", "endsOn") },
    });
  });

  it("updateCommuniqueAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: updateCommuniqueAction as ServerAction,
      schema: CommuniqueSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { sessionNumber: sessionNumber() } },
    });
  });

  it("createCommitmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: createCommitmentAction as ServerAction,
      schema: CreateCommitmentSchema,
      actors: [secretariat.id, admin.id],
      input: {
        valid: { sessionNumber: sessionNumber(), themeKey: fc.constantFrom(...keys), previousCode: fc.constantFrom("", "34/101", ...SESSION_35_CODES) },
        derive: codeInSession,
      },
    });
  });

  it("updateCommitmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: updateCommitmentAction as ServerAction,
      schema: UpdateCommitmentSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { commitmentId: commitment(), themeKey: fc.constantFrom(...keys), previousCode: fc.constantFrom("", "34/101", ...SESSION_35_CODES) } },
      // A code in the commitment's own session, as the form shows it.
      prepare: async (entries) => {
        const filled = await withFresh(entries);
        const [id, code] = [valueOf(filled, "commitmentId"), valueOf(filled, "code")];
        if (typeof id !== "string" || typeof code !== "string" || !CODE.test(code) || !ids.includes(id)) return filled;
        const row = await db.commitment.findUnique({ where: { id }, select: { session: { select: { number: true } } } });
        return row ? filled.map(([k, v]) => [k, k === "code" ? `${row.session.number}/${code.split("/")[1]}` : v] as const) : filled;
      },
    });
  });

  it("withdrawCommitmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: withdrawCommitmentAction as ServerAction,
      schema: WithdrawCommitmentSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { commitmentId: commitment() } },
      prepare: withFresh,
    });
  });

  it("reinstateCommitmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: reinstateCommitmentAction as ServerAction,
      schema: CommitmentIdSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { commitmentId: commitment() } },
      prepare: withFresh,
    });
  });

  it("deleteCommitmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: deleteCommitmentAction as ServerAction,
      schema: CommitmentIdSchema,
      actors: [secretariat.id, admin.id],
      // Seeded commitments stay (the other properties of this file use them): fresh ones, and one with a report.
      input: { valid: { commitmentId: fc.constantFrom(placeholder("fresh"), ids.at(-1)!) } },
      prepare: withFresh,
    });
  });

  it("carryOverAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    const carry = fc.array(
      fc.tuple(
        fc.oneof(fc.constant(placeholder("fresh")), fc.constantFrom(...ids), fc.uuid(), fc.constantFrom("", "__proto__", "x")),
        fc.oneof({ weight: 4, arbitrary: fc.constant("on") }, { weight: 1, arbitrary: fc.constantFrom("off", "", "\u0000") }),
      ),
      { maxLength: 4 },
    );
    await checkAction({
      action: carryOverAction as ServerAction,
      schema: CarryOverSchema,
      actors: [secretariat.id, admin.id],
      input: {
        valid: { sessionNumber: sessionNumber() },
        extra: carry.map((boxes) => boxes.map(([id, value]) => [`carry:${id}`, value] as const)),
      },
      prepare: async (entries) => {
        const freshKey = `carry:${placeholder("fresh")}`;
        const prepared: Entries[number][] = [];
        for (const [key, value] of entries) prepared.push([key === freshKey ? `carry:${await freshCommitment()}` : key, value]);
        return prepared;
      },
    });
  });

  it("importCommitmentsAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    const item = inputArbitrary(ImportItemSchema, {
      mode: "json",
      valid: { themeKey: fc.constantFrom(...keys), code: fc.integer({ min: 1, max: 400 }).map((n) => `36/${n}`) },
    });
    const items = fc.oneof(
      fc.array(item, { maxLength: 4 }).map((list) => `[${list.map(toJsonText).join(",")}]`),
      fc.constantFrom("", "[]", "{}", "null", "[null]", "not json", `[${"[".repeat(2_000)}${"]".repeat(2_000)}]`),
    );
    await checkAction({
      action: importCommitmentsAction as ServerAction,
      schema: ImportCommitmentsSchema,
      actors: [secretariat.id, admin.id],
      input: { valid: { sessionNumber: sessionNumber(), items } },
    });
  });
});
