import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET = "x".repeat(32);

async function loadEnv(vars: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return import("./env");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the environment", () => {
  // Threat: a production server signing session cookies with a secret published in the repo.
  it("refuses to start in production without AUTH_SECRET", async () => {
    await expect(loadEnv({ NODE_ENV: "production", AUTH_SECRET: undefined, NEXT_PHASE: undefined, DATABASE_URL: "postgresql://x@localhost/x" })).rejects.toThrow(
      /AUTH_SECRET: required in production/,
    );
  });

  it("refuses a short AUTH_SECRET and an invalid value, naming the variable", async () => {
    await expect(loadEnv({ AUTH_SECRET: "short", DATABASE_URL: "postgresql://x@localhost/x" })).rejects.toThrow(/AUTH_SECRET: must be at least 32 characters/);
    await expect(loadEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "" })).rejects.toThrow(/DATABASE_URL/);
  });

  it("starts in production with a secret, and builds without one", async () => {
    const { env } = await loadEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://x@localhost/x" });
    expect(env.AUTH_SECRET).toBe(SECRET);
    await expect(loadEnv({ NODE_ENV: "production", AUTH_SECRET: undefined, NEXT_PHASE: "phase-production-build", DATABASE_URL: undefined })).resolves.toBeTruthy();
  });

  it("turns on Secure cookies for an https:// NEXTAUTH_URL only", async () => {
    expect((await loadEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://x@localhost/x", NEXTAUTH_URL: "https://tanfeeth.example.org" })).secureCookies).toBe(true);
    expect((await loadEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://x@localhost/x", NEXTAUTH_URL: "http://localhost:3000" })).secureCookies).toBe(false);
  });
});
