// The only reader of process.env in the application; validated once, at start-up.
import { z } from "zod";
import { SmtpUrlSchema } from "./mail/smtp-url";

/**
 * 32 random bytes in base64 or base64url, as `openssl rand -base64 32` prints them (43 digits
 * are 32 bytes); an empty value counts as unset, as a variable blanked after a key rotation.
 */
const EncryptionKey = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, { error: "must be 32 bytes in base64 (`openssl rand -base64 32`)" })
    .optional(),
);

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  /** Largest number of connections this instance opens to PostgreSQL. */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Longest a statement may run before PostgreSQL cancels it. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  /** Longest a request waits for a connection. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Set by `npm start` when it runs the embedded, demo PostgreSQL. */
  TANFEETH_DEMO: z.enum(["0", "1"]).default("0"),
  /** Signs and encrypts session cookies; required in production (`openssl rand -base64 32`). */
  AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  /** Encrypts the TOTP secrets kept in the database; required in production (`openssl rand -base64 32`). */
  TOTP_ENCRYPTION_KEY: EncryptionKey,
  /** The key being replaced while secrets are sealed again with the new one (key rotation). */
  TOTP_ENCRYPTION_KEY_PREVIOUS: EncryptionKey,
  /** The public URL of the app; an https:// URL turns on Secure cookies and HSTS. */
  NEXTAUTH_URL: z.url().optional(),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: none). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(1),
  /** SMTP server for reminder e-mails, e.g. smtp://user:pass@host:587 or smtps://…:465; unset: in-app only. */
  SMTP_URL: SmtpUrlSchema,
  /** The From: address of e-mails. */
  MAIL_FROM: z.string().trim().min(3).default("Tanfeeth <no-reply@tanfeeth.invalid>"),
});

type ParsedEnv = z.infer<typeof EnvSchema>;
export type Env = Omit<ParsedEnv, "AUTH_SECRET" | "TOTP_ENCRYPTION_KEY"> & { AUTH_SECRET: string; TOTP_ENCRYPTION_KEY: string };

// Only for development and tests, where no secret is configured; production refuses to start.
const DEVELOPMENT_AUTH_SECRET = "tanfeeth-development-secret-not-for-production-use";
const DEVELOPMENT_TOTP_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS10b3RwLWtleS0wMTIzNDU=";

// `next build` evaluates modules without a database; nothing connects at build time.
const building = process.env.NEXT_PHASE === "phase-production-build";

function parseEnv(): Env {
  const source = building
    ? { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@localhost/build" }
    : process.env;
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  const { AUTH_SECRET, TOTP_ENCRYPTION_KEY, ...rest } = parsed.data;
  if (rest.NODE_ENV === "production" && !building) {
    const missing = [
      ...(AUTH_SECRET ? [] : ["  AUTH_SECRET: required in production (at least 32 characters, e.g. `openssl rand -base64 32`)"]),
      ...(TOTP_ENCRYPTION_KEY ? [] : ["  TOTP_ENCRYPTION_KEY: required in production (32 bytes in base64: `openssl rand -base64 32`)"]),
    ];
    if (missing.length > 0) throw new Error(`Invalid environment:\n${missing.join("\n")}`);
  }
  return {
    ...rest,
    AUTH_SECRET: AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    TOTP_ENCRYPTION_KEY: TOTP_ENCRYPTION_KEY ?? DEVELOPMENT_TOTP_ENCRYPTION_KEY,
  };
}

export const env = parseEnv();
export const isDemo = env.TANFEETH_DEMO === "1";
/** The keys of lib/auth/totp-secret-box.ts. */
export const totpKeys = { current: env.TOTP_ENCRYPTION_KEY, previous: env.TOTP_ENCRYPTION_KEY_PREVIOUS };
/** Whether TOTP_ENCRYPTION_KEY was given (not the development key): scripts that seal need it. */
export const totpKeyConfigured = env.TOTP_ENCRYPTION_KEY !== DEVELOPMENT_TOTP_ENCRYPTION_KEY;
export const secureCookies = env.NEXTAUTH_URL?.startsWith("https://") ?? false;
