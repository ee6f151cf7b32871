// The one PrismaClient of the process, on PostgreSQL through node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

function createClient() {
  // Explicit limits so that no request waits forever on an unreachable database.
  const adapter = new PrismaPg(
    {
      connectionString: env.DATABASE_URL,
      max: env.DB_POOL_MAX,
      connectionTimeoutMillis: env.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: env.DB_STATEMENT_TIMEOUT_MS,
      query_timeout: env.DB_STATEMENT_TIMEOUT_MS + 1_000,
      application_name: "tanfeeth",
    },
    {
      // An idle connection that PostgreSQL closed (a restart, a shutdown) is dropped by the pool,
      // which opens another when needed: expected, not an error of the app.
      onPoolError: (error) =>
        isDatabaseUnavailable(error)
          ? logger.warn("database closed an idle connection", { reason: error.message })
          : logger.error("database pool error", { error: error.message }),
      onConnectionError: (error) => logger.error("database connection error", { error: error.message }),
    },
  );
  return new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true, totpSecret: true, totpPendingSecret: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { tanfeethDb?: Db };
export const db: Db = (globalForDb.tanfeethDb ??= createClient());
