// The only reader of process.env in the application; validated once, at start-up.
import { z } from "zod";

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
});

export type Env = z.infer<typeof EnvSchema>;

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
  return parsed.data;
}

export const env = parseEnv();
export const isDemo = env.TANFEETH_DEMO === "1";
