// Threats: hostile form input to the administration of user accounts (creation, roles and
// countries, deactivation, set-password links, lost authenticators, a country's handover) that
// crashes it, half-applies a change of access, or gets past the schema into PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import {
  createUserAction,
  handOverCountryAction,
  issuePasswordLinkAction,
  resetTwoFactorAction,
  setUserActiveAction,
  updateUserAction,
} from "@/lib/actions/users";
import { db } from "@/lib/db";
import { CreateUserSchema, HandOverSchema, ResetTwoFactorSchema, SetUserActiveSchema, UpdateUserSchema, UserIdSchema } from "@/lib/validation/users";
import { closeFingerprintConnection } from "./fingerprint";
import { codeFor, countryCodes, fill, placeholder, PROPERTY_TIMEOUT, testUser, type TestUser, valueOf } from "./fixtures";
import { checkAction, checkActionRefuses, type ServerAction, watchWrites } from "./harness";

vi.mock("next/headers", () => import("./next-request").then((m) => m.nextHeaders));
vi.mock("next/cache", () => import("./next-request").then((m) => m.nextCache));

let admin: TestUser;
let secretariat: TestUser;
let delegate: TestUser;
let targets: TestUser[];
let countries: string[];

beforeAll(async () => {
  [admin, secretariat, delegate] = await Promise.all([testUser("ADMIN"), testUser("SECRETARIAT"), testUser("DELEGATE", "QA")]);
  // Accounts the admin changes; the acting admin is not among them, so that the run keeps its rights.
  targets = await Promise.all([
    testUser("OBSERVER"),
    testUser("DELEGATE", "QA"),
    testUser("DELEGATE", "DZ"),
    testUser("DELEGATE", "OM"),
    testUser("SECRETARIAT"),
    testUser("ADMIN"),
  ]);
  countries = await countryCodes();
});
beforeAll(watchWrites);
afterAll(closeFingerprintConnection);

const target = () => fc.constantFrom(...targets.map((t) => t.id));
const country = () => fc.oneof(fc.constantFrom(...countries), fc.stringMatching(/^[A-Za-z]{2}$/));

describe("server actions of user administration, with hostile input", () => {
  it("refuses everyone but admins before reading their input", { timeout: PROPERTY_TIMEOUT }, async () => {
    for (const [action, schema] of [
      [createUserAction, CreateUserSchema],
      [updateUserAction, UpdateUserSchema],
      [setUserActiveAction, SetUserActiveSchema],
      [issuePasswordLinkAction, UserIdSchema],
      [resetTwoFactorAction, ResetTwoFactorSchema],
      [handOverCountryAction, HandOverSchema],
    ] as const) {
      await checkActionRefuses({ action: action as ServerAction, schema, actors: [null, secretariat.id, delegate.id] });
    }
  });

  it("createUserAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({ action: createUserAction as ServerAction, schema: CreateUserSchema, actors: [admin.id], input: { valid: { countryCode: country() } } });
  });

  it("updateUserAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: updateUserAction as ServerAction,
      schema: UpdateUserSchema,
      actors: [admin.id],
      input: { valid: { userId: target(), countryCode: country() } },
    });
  });

  it("setUserActiveAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: setUserActiveAction as ServerAction,
      schema: SetUserActiveSchema,
      actors: [admin.id],
      input: { valid: { userId: fc.oneof(target(), fc.constant(admin.id)) } },
    });
  });

  it("issuePasswordLinkAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({ action: issuePasswordLinkAction as ServerAction, schema: UserIdSchema, actors: [admin.id], input: { valid: { userId: target() } } });
  });

  it("resetTwoFactorAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    const ownCode = placeholder("code");
    await checkAction({
      action: resetTwoFactorAction as ServerAction,
      schema: ResetTwoFactorSchema,
      actors: [admin.id],
      input: { valid: { userId: fc.oneof(target(), fc.constant(admin.id)), code: fc.oneof(fc.constant(ownCode), fc.stringMatching(/^\d{6}$/)) } },
      // The chosen account has an authenticator to remove, and the admin's current code has not been used yet.
      prepare: async (entries, actor) => {
        const userId = valueOf(entries, "userId");
        if (typeof userId === "string" && targets.some((t) => t.id === userId)) await codeFor(userId, "enabled");
        await db.user.update({ where: { id: actor! }, data: { totpLastStep: null } });
        return fill(entries, "code", () => codeFor(actor!, "enabled"));
      },
    });
  });

  it("handOverCountryAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: handOverCountryAction as ServerAction,
      schema: HandOverSchema,
      actors: [admin.id],
      input: { valid: { countryCode: country(), newUserId: fc.oneof(fc.constant(""), target(), fc.constant(admin.id)) } },
    });
  });

});
