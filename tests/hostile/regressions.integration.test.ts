// Threat: hostile input that once crashed an endpoint (a 500, "errors.unexpected") once it
// reached PostgreSQL. Each test replays a counterexample the hostile-input properties found,
// through the endpoint it broke: now a refusal in the user's words, with nothing written.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportAuditLog } from "@/app/api/v1/audit-log/export/route";
import { GET as getAuditLog } from "@/app/api/v1/audit-log/route";
import { POST as postReview } from "@/app/api/v1/reports/[id]/review/route";
import { addCommentAction } from "@/lib/actions/comments";
import { withdrawCommitmentAction } from "@/lib/actions/council-sessions";
import { reviewReportAction } from "@/lib/actions/reviews";
import { createRoundAction } from "@/lib/actions/rounds";
import { createThemeAction, updateThemeAction } from "@/lib/actions/themes";
import { createUserAction, updateUserAction } from "@/lib/actions/users";
import { db } from "@/lib/db";
import { apiRequest, noParams, sessionToken } from "@/tests/auth";
import { commitmentId, recordReport } from "@/tests/factories";
import { toFormData, type Entries } from "./arbitraries";
import { closeFingerprintConnection, databaseFingerprint } from "./fingerprint";
import { testUser, type TestUser } from "./fixtures";
import type { ServerAction } from "./harness";
import { actionRequest } from "./next-request";

vi.mock("next/headers", () => import("./next-request").then((m) => m.nextHeaders));
vi.mock("next/cache", () => import("./next-request").then((m) => m.nextCache));

let admin: TestUser;
let secretariat: TestUser;
let qa: TestUser;

beforeAll(async () => {
  [admin, secretariat, qa] = await Promise.all([testUser("ADMIN"), testUser("SECRETARIAT"), testUser("DELEGATE", "QA")]);
});
afterAll(closeFingerprintConnection);

/** Runs the action as the user and checks that the database is exactly as it was. */
async function refusedAction(userId: string, action: unknown, entries: Entries) {
  actionRequest.sessionToken = await sessionToken(userId);
  const before = await databaseFingerprint();
  const state = await (action as ServerAction)({ status: "idle" }, toFormData(entries));
  expect(await databaseFingerprint()).toEqual(before);
  return state;
}

/** Sends the request and checks that the database is exactly as it was. */
async function refusedRequest(send: () => Promise<Response>) {
  const before = await databaseFingerprint();
  const answer = await send();
  expect(await databaseFingerprint()).toEqual(before);
  return { status: answer.status, body: (await answer.json()) as { error: { code: string; fieldErrors?: Record<string, string[]> } } };
}

describe("counterexamples of the hostile-input properties", () => {
  it("createUserAction: a well-formed country code that is no member state (was a foreign-key 500)", async () => {
    const state = await refusedAction(admin.id, createUserAction, [
      ["email", "a@test.tanfeeth.org"],
      ["name", "!"],
      ["role", "DELEGATE"],
      ["countryCode", "Cf"],
    ]);
    expect(state).toMatchObject({ status: "error", message: "errors.invalid", fieldErrors: { countryCode: ["country.invalid"] } });
  });

  it("updateUserAction: the same, for an existing user", async () => {
    const target = await testUser("OBSERVER");
    const state = await refusedAction(admin.id, updateUserAction, [
      ["userId", target.id],
      ["name", "x".repeat(200)],
      ["role", "DELEGATE"],
      ["countryCode", "AA"],
    ]);
    expect(state).toMatchObject({ status: "error", message: "errors.invalid", fieldErrors: { countryCode: ["country.invalid"] } });
  });

  it("reviewReportAction: a NUL in the comment", async () => {
    const report = await recordReport({ code: "35/3", country: "QA", status: "LIMITED", authorId: qa.id });
    const state = await refusedAction(secretariat.id, reviewReportAction, [
      ["reportId", report.id],
      ["decision", "VALIDATE"],
      ["comment", "\u0000 "],
    ]);
    expect(state).toMatchObject({ status: "error", message: "errors.invalid", fieldErrors: { comment: ["text.controlCharacters"] } });
  });

  it("POST /api/v1/reports/{id}/review: a NUL in the comment", async () => {
    const report = await recordReport({ code: "35/4", country: "QA", status: "LIMITED", authorId: qa.id });
    const request = await apiRequest(`/api/v1/reports/${report.id}/review`, secretariat.id, { method: "POST", body: { decision: "VALIDATE", comment: "35/1\u0000" } });
    const { status, body } = await refusedRequest(() => postReview(request, { params: Promise.resolve({ id: report.id }) }));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: "bad_request", fieldErrors: { comment: ["text.controlCharacters"] } });
  });

  it("addCommentAction: a NUL as the body (the last of two)", async () => {
    const state = await refusedAction(qa.id, addCommentAction, [
      ["commitment", "35/1"],
      ["country", "QA"],
      ["body", ['<script>alert("xss-script")</script>', "\u0000"]],
    ]);
    expect(state).toMatchObject({ status: "error", fieldErrors: { body: ["text.controlCharacters"] } });
  });

  it("withdrawCommitmentAction: a NUL in the reason", async () => {
    const state = await refusedAction(secretariat.id, withdrawCommitmentAction, [
      ["commitmentId", await commitmentId("35/2")],
      ["reason", "\u0000تعزيز الرقابة على الحدود"],
    ]);
    expect(state).toMatchObject({ status: "error", fieldErrors: { reason: ["text.controlCharacters"] } });
  });

  it("createThemeAction and updateThemeAction: a NUL in a name", async () => {
    const created = await refusedAction(secretariat.id, createThemeAction, [
      ["key", "0"],
      ["nameAr", "!"],
      ["nameEn", ['<script>alert("xss-script")</script>', "a\u0000b"]],
      ["keywords", " "],
      ["sortOrder", "0"],
    ]);
    expect(created).toMatchObject({ status: "error", fieldErrors: { nameEn: ["text.controlCharacters"] } });
    const theme = await db.theme.findFirstOrThrow({ select: { id: true } });
    const updated = await refusedAction(secretariat.id, updateThemeAction, [
      ["themeId", theme.id],
      ["nameAr", "\u0000"],
      ["nameEn", "!"],
      ["keywords", "تعزيز الرقابة على الحدود"],
      ["sortOrder", ""],
    ]);
    expect(updated).toMatchObject({ status: "error", fieldErrors: { nameAr: ["text.controlCharacters"] } });
  });

  it("createRoundAction: the year 0000, which PostgreSQL does not have", async () => {
    const state = await refusedAction(secretariat.id, createRoundAction, [
      ["sessionNumber", "35"],
      ["name", "Round"],
      ["opensOn", "0000-01-01"],
      ["closesOn", "2026-03-01"],
    ]);
    expect(state).toMatchObject({ status: "error", fieldErrors: { opensOn: ["date.invalid"] } });
  });

  it("GET /api/v1/audit-log and its export: a NUL in a filter, a day after 9999-12-31, an id beyond bigint", async () => {
    for (const search of [
      "?targetId=0195f0a4-3c2b-7d3e-8f00-1a2b3c4d5e6f%00&before=1",
      "?to=9999-12-31",
      "?before=9223372036854775808",
    ]) {
      const listRequest = await apiRequest(`/api/v1/audit-log${search}`, admin.id);
      const list = await refusedRequest(() => getAuditLog(listRequest, noParams));
      expect(list.status, search).toBe(400);
      const exportRequest = await apiRequest(`/api/v1/audit-log/export${search.replace("targetId", "actor")}`, admin.id);
      const exported = await refusedRequest(() => exportAuditLog(exportRequest, noParams));
      expect(exported.status, search).toBe(400);
    }
  });
});
