import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** DATABASE_URL, or the URL of the embedded PostgreSQL that `npm start` is running. */
export function resolveDatabaseUrl(root: string): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = path.join(root, process.env.TANFEETH_DATA_DIR ?? ".data", "database-url");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  throw new Error("Set DATABASE_URL, or start the app (npm start) so that its embedded database is running.");
}
