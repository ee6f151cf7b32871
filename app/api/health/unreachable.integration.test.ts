import { describe, expect, it } from "vitest";

describe("GET /api/health without a database", () => {
  it("answers 503, quickly, when PostgreSQL does not answer", async () => {
    // Nothing listens on port 9 of loopback: connections are refused at once.
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:9/none";
    const { GET } = await import("./route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: false });
  });
});
