// Threats: hostile form input to the account actions (password, sessions, two-factor sign-in,
// one-time set-password links) that crashes them, half-changes a credential, or gets past
// the schema into PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it, vi } from "vitest";
import {
  changePasswordAction,
  confirmTotpEnrollmentAction,
  disableTotpAction,
  signOutEverywhereAction,
  startTotpEnrollmentAction,
} from "@/lib/actions/account";
import { setPasswordAction } from "@/lib/actions/password-link";
import { issuePasswordLink } from "@/lib/data/users";
import { db } from "@/lib/db";
import { ChangePasswordSchema, ConfirmSchema, EmptySchema, SetPasswordSchema, TotpCodeSchema } from "@/lib/validation/account";
import { TEST_PASSWORD } from "@/tests/factories";
import { closeFingerprintConnection } from "./fingerprint";
import { codeFor, fill, placeholder, PROPERTY_TIMEOUT, type TestUser, testUser } from "./fixtures";
import { checkAction, checkActionRefuses, type ServerAction, watchWrites } from "./harness";

vi.mock("next/headers", () => import("./next-request").then((m) => m.nextHeaders));
vi.mock("next/cache", () => import("./next-request").then((m) => m.nextCache));

let observer: TestUser;
let delegate: TestUser;
let secretariat: TestUser;
let admin: TestUser;
let testPasswordHash: string;

beforeAll(async () => {
  [observer, delegate, secretariat, admin] = await Promise.all([
    testUser("OBSERVER"),
    testUser("DELEGATE", "OM"),
    testUser("SECRETARIAT"),
    testUser("ADMIN"),
  ]);
  const row = await db.user.findUniqueOrThrow({ where: { id: observer.id }, select: { passwordHash: true } });
  testPasswordHash = row.passwordHash!;
});
beforeAll(watchWrites);
afterAll(closeFingerprintConnection);

// Every input that passes the schema costs a password hash (argon2id, tens of milliseconds):
// fewer all-valid inputs keep the run short; the hostile ones are what this is about.
const HASHING = { valid: 1, oneBroken: 3, chaos: 3 };
const currentCode = placeholder("code");

const codes = fc.oneof(fc.constant(currentCode), fc.stringMatching(/^\d{3} ?\d{3}$/));

describe("server actions of the account, with hostile input", () => {
  it("changePasswordAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: changePasswordAction as ServerAction,
      schema: ChangePasswordSchema,
      actors: [observer.id, delegate.id],
      input: {
        valid: { currentPassword: fc.constantFrom(TEST_PASSWORD, "not the password at all") },
        derive: (values) => ({ ...values, confirmPassword: values.newPassword }),
        weights: HASHING,
      },
      // Each run starts from the known password.
      prepare: async (entries, actor) => {
        await db.user.update({ where: { id: actor! }, data: { passwordHash: testPasswordHash } });
        return entries;
      },
    });
  });

  it("signOutEverywhereAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: signOutEverywhereAction as ServerAction,
      schema: ConfirmSchema,
      actors: [observer.id, delegate.id, secretariat.id],
    });
  });

  it("startTotpEnrollmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: startTotpEnrollmentAction as ServerAction,
      schema: EmptySchema,
      actors: [observer.id, admin.id],
      // A pending authenticator is not yet a credential: it is recorded once confirmed.
      unaudited: true,
    });
  });

  it("confirmTotpEnrollmentAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: confirmTotpEnrollmentAction as ServerAction,
      schema: TotpCodeSchema,
      actors: [observer.id, secretariat.id],
      input: { valid: { code: codes } },
      prepare: (entries, actor) => fill(entries, "code", () => codeFor(actor!, "pending")),
    });
  });

  it("disableTotpAction", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkAction({
      action: disableTotpAction as ServerAction,
      schema: TotpCodeSchema,
      actors: [observer.id, delegate.id, secretariat.id],
      input: { valid: { code: codes } },
      prepare: (entries, actor) => fill(entries, "code", () => codeFor(actor!, "enabled")),
    });
  });

  it("setPasswordAction (public: the link is the credential)", { timeout: PROPERTY_TIMEOUT }, async () => {
    const target = await testUser("OBSERVER");
    await checkAction({
      action: setPasswordAction as ServerAction,
      schema: SetPasswordSchema,
      actors: [null, observer.id],
      input: {
        valid: { token: fc.constant(placeholder("token")) },
        derive: (values) => ({ ...values, confirmPassword: values.password }),
        weights: HASHING,
      },
      prepare: (entries) => fill(entries, "token", async () => (await issuePasswordLink(admin.actor, target.id, null)).token),
    });
  });

  it("refuses callers without a session before reading their input", { timeout: PROPERTY_TIMEOUT }, async () => {
    for (const [action, schema] of [
      [changePasswordAction, ChangePasswordSchema],
      [signOutEverywhereAction, ConfirmSchema],
      [startTotpEnrollmentAction, EmptySchema],
      [confirmTotpEnrollmentAction, TotpCodeSchema],
      [disableTotpAction, TotpCodeSchema],
    ] as const) {
      await checkActionRefuses({ action: action as ServerAction, schema, actors: [null] });
    }
  });
});
