import { afterEach, describe, expect, it, vi } from "vitest";

const SECRET = "x".repeat(32);
const KEY = Buffer.alloc(32, 7).toString("base64");

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

  // Threat: TOTP secrets sealed with a key published in the repo, or readable by whoever holds AUTH_SECRET.
  it("refuses to start in production without a TOTP encryption key, and refuses a key that is not 32 bytes", async () => {
    await expect(
      loadEnv({ NODE_ENV: "production", AUTH_SECRET: SECRET, TOTP_ENCRYPTION_KEY: undefined, NEXT_PHASE: undefined, DATABASE_URL: "postgresql://x@localhost/x" }),
    ).rejects.toThrow(/TOTP_ENCRYPTION_KEY: required in production/);
    for (const key of [SECRET, Buffer.alloc(16).toString("base64"), `${KEY}x`]) {
      await expect(loadEnv({ TOTP_ENCRYPTION_KEY: key, DATABASE_URL: "postgresql://x@localhost/x" })).rejects.toThrow(/TOTP_ENCRYPTION_KEY: must be 32 bytes/);
    }
    await expect(loadEnv({ TOTP_ENCRYPTION_KEY_PREVIOUS: "short", DATABASE_URL: "postgresql://x@localhost/x" })).rejects.toThrow(
      /TOTP_ENCRYPTION_KEY_PREVIOUS: must be 32 bytes/,
    );
    // Blanked after a rotation: unset, not invalid.
    const { totpKeys } = await loadEnv({ TOTP_ENCRYPTION_KEY: KEY, TOTP_ENCRYPTION_KEY_PREVIOUS: " ", DATABASE_URL: "postgresql://x@localhost/x" });
    expect(totpKeys).toEqual({ current: KEY, previous: undefined });
  });

  it("starts in production with a secret and a key, and builds without them", async () => {
    const { env, totpKeys } = await loadEnv({
      NODE_ENV: "production",
      AUTH_SECRET: SECRET,
      TOTP_ENCRYPTION_KEY: KEY,
      TOTP_ENCRYPTION_KEY_PREVIOUS: Buffer.alloc(32, 8).toString("base64url"),
      DATABASE_URL: "postgresql://x@localhost/x",
    });
    expect(env.AUTH_SECRET).toBe(SECRET);
    expect(totpKeys).toEqual({ current: KEY, previous: Buffer.alloc(32, 8).toString("base64url") });
    expect((await loadEnv({ NODE_ENV: "development", TOTP_ENCRYPTION_KEY: KEY, DATABASE_URL: "postgresql://x@localhost/x" })).totpKeyConfigured).toBe(true);
    // Without one, development runs on the published key, which no script may seal with.
    expect((await loadEnv({ NODE_ENV: "development", TOTP_ENCRYPTION_KEY: undefined, DATABASE_URL: "postgresql://x@localhost/x" })).totpKeyConfigured).toBe(false);
    await expect(
      loadEnv({ NODE_ENV: "production", AUTH_SECRET: undefined, TOTP_ENCRYPTION_KEY: undefined, NEXT_PHASE: "phase-production-build", DATABASE_URL: undefined }),
    ).resolves.toBeTruthy();
  });

  it("turns on Secure cookies for an https:// NEXTAUTH_URL only", async () => {
    expect((await loadEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://x@localhost/x", NEXTAUTH_URL: "https://tanfeeth.example.org" })).secureCookies).toBe(true);
    expect((await loadEnv({ AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://x@localhost/x", NEXTAUTH_URL: "http://localhost:3000" })).secureCookies).toBe(false);
  });
});
