import { beforeAll, describe, expect, it } from "vitest";
import { commitments, communiqueAr } from "@/prisma/seed-data/session-35";
import { MAX_COMMUNIQUE_CHARS } from "@/lib/validation/council-sessions";
import { db } from "@/lib/db";
import { updateTheme } from "@/lib/data/themes";
import { NextRequest } from "next/server";
import { apiRequest, cookieFor, noParams } from "@/tests/auth";
import { createUser } from "@/tests/factories";
import { POST } from "./route";

type Body = {
  language: string;
  proposals: { text: string; start: number; end: number; kind: string; theme?: string }[];
  skipped: { text: string; start: number; end: number; reason: string }[];
};

let secretariatId: string;
let delegateId: string;

const propose = async (body: unknown, userId = secretariatId, headers: Record<string, string> = {}) =>
  POST(await apiRequest("/api/v1/import/proposals", userId, { method: "POST", body, headers }), noParams);

beforeAll(async () => {
  secretariatId = (await createUser({ role: "SECRETARIAT" })).id;
  delegateId = (await createUser({ role: "DELEGATE", countryCode: "QA" })).id;
});

describe("POST /api/v1/import/proposals", () => {
  it("covers every commitment of the 35th session, with the database's themes and offsets into the text sent", async () => {
    const response = await propose({ text: communiqueAr });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Body;
    expect(body.language).toBe("ar");
    for (const p of body.proposals) expect(communiqueAr.slice(p.start, p.end)).toBe(p.text);
    for (const commitment of commitments) {
      const at = communiqueAr.indexOf(commitment.sourceAr);
      const covering = body.proposals.filter((p) => p.start < at + commitment.sourceAr.length && at < p.end);
      expect(covering.map((p) => p.theme), commitment.code).toContain(commitment.theme);
    }
    expect(body.skipped.some((s) => s.reason === "narrative" && s.text.includes("أشاد"))).toBe(true);
  });

  it("reads English, and a given language", async () => {
    const text = "The Council agreed to strengthen border control. The ministers praised the security services. Member states must update their cybercrime legislation.";
    const body = (await (await propose({ text, language: "en" })).json()) as Body;
    expect(body.proposals.map((p) => [p.kind, p.theme])).toEqual([
      ["agreement", "border-control"],
      ["necessity", "cybercrime-legislation"],
    ]);
    expect(body.skipped.map((s) => s.reason)).toContain("narrative");
  });

  it("suggests themes from the keywords as edited in the database", async () => {
    const text = "دعا المجلس إلى حماية الملاعب الرياضية.";
    const before = (await (await propose({ text })).json()) as Body;
    expect(before.proposals[0]?.theme).toBeUndefined();
    const secretariat = await db.user.findUniqueOrThrow({ where: { id: secretariatId } });
    const theme = await db.theme.findUniqueOrThrow({ where: { key: "organised-crime" } });
    await updateTheme(secretariat, { themeId: theme.id, nameAr: theme.nameAr, nameEn: theme.nameEn, keywords: [...theme.keywords, "الملاعب"], sortOrder: null }, null);
    const after = (await (await propose({ text })).json()) as Body;
    expect(after.proposals[0]?.theme).toBe("organised-crime");
  });

  it("answers 400 for a missing text or an unknown language", async () => {
    expect((await propose({})).status).toBe(400);
    expect((await propose({ text: "" })).status).toBe(400);
    expect((await propose({ text: "x", language: "fr" })).status).toBe(400);
    const malformed = new NextRequest("http://localhost/api/v1/import/proposals", {
      method: "POST",
      body: "{not json",
      headers: { ...(await cookieFor(secretariatId)), "content-type": "application/json" },
    });
    expect((await POST(malformed, noParams)).status).toBe(400);
  });

  // Threat: a body read whole into memory, whatever its size. A communiqué is sent in full (an
  // Arabic one is larger in UTF-8 than the 256 KB of the other routes); beyond that, 400.
  it("reads a communiqué of the largest size, and refuses a larger body without reading it all", async () => {
    const large = communiqueAr.repeat(Math.ceil(MAX_COMMUNIQUE_CHARS / communiqueAr.length)).slice(0, MAX_COMMUNIQUE_CHARS);
    expect(Buffer.byteLength(JSON.stringify({ text: large }))).toBeGreaterThan(256 * 1024);
    expect((await propose({ text: large })).status).toBe(200);
    const tooLarge = await propose({ text: "\u0000".repeat(MAX_COMMUNIQUE_CHARS) + "x".repeat(2048) });
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toMatchObject({ error: { code: "bad_request", fieldErrors: { body: ["tooLarge"] } } });
  });

  // Threat: a delegate or a signed-out caller using the secretariat's tools.
  // The importer reads nothing restricted, but it is the secretariat's, and the
  // matrix says so: 403 for delegates, 401 signed out.
  it("is the secretariat's only", async () => {
    expect((await propose({ text: communiqueAr }, delegateId)).status).toBe(403);
    expect((await POST(await apiRequest("/api/v1/import/proposals", null, { method: "POST", body: { text: "x" } }), noParams)).status).toBe(401);
  });
});
