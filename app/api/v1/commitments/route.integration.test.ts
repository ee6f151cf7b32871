import { beforeAll, describe, expect, it } from "vitest";
import { apiRequest, noParams } from "@/tests/auth";
import { createUser } from "@/tests/factories";
import { GET } from "./route";

let observerId: string;
const get = async (query: string, userId: string | null = observerId) =>
  GET(await apiRequest(`/api/v1/commitments${query}`, userId), noParams);

beforeAll(async () => {
  observerId = (await createUser({ role: "OBSERVER" })).id;
});

describe("GET /api/v1/commitments", () => {
  it("returns the session's commitments as JSON to anyone signed in", async () => {
    const response = await get("?session=35");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.session).toBe(35);
    expect(body.commitments).toHaveLength(8);
    expect(body.commitments[5]).toMatchObject({
      code: "35/6",
      theme: "drug-trafficking",
      titleEn: "Counter drug-smuggling routes and sources",
      dueDate: null,
    });
    expect(body.commitments[5].sourceAr).toContain("تهريب المخدرات");
  });

  it("answers 401 JSON when signed out", async () => {
    const response = await get("?session=35", null);
    expect(response.status).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  });

  it.each(["", "?session=", "?session=abc", "?session=0", "?session=-3", "?session=1e9"])(
    "answers 400 with a JSON error for %j",
    async (query) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
    },
  );

  it("answers 404 for a session that does not exist", async () => {
    const response = await get("?session=99");
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe("not_found");
  });
});
