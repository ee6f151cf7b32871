// PostgreSQL's client tools (pg_dump, pg_dumpall, pg_restore) and the version check that
// keeps them from failing halfway: pg_dump refuses a server newer than itself.
import { execFileSync } from "node:child_process";
import pg from "pg";

export function clientMajorVersion(tool = "pg_dump"): number {
  let output: string;
  try {
    output = execFileSync(tool, ["--version"], { encoding: "utf8" });
  } catch {
    throw new Error(`${tool} was not found. Install PostgreSQL's client tools (Debian: apt-get install postgresql-client).`);
  }
  const match = /(\d+)(?:\.\d+)?/.exec(output);
  if (!match) throw new Error(`Could not read the version of ${tool}: ${output}`);
  return Number(match[1]);
}

export async function serverMajorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

/** Refuses, with what to install, when the client tools are older than the server. */
export async function assertToolsMatchServer(url: string, tool = "pg_dump"): Promise<void> {
  const [client, server] = [clientMajorVersion(tool), await serverMajorVersion(url)];
  if (client < server) {
    throw new Error(
      `${tool} ${client} is older than the PostgreSQL ${server} server and cannot back it up. ` +
        `Install the PostgreSQL ${server} client tools (Debian: apt-get install postgresql-client-${server}).`,
    );
  }
}

/** libpq's environment for a connection URL, so that passwords stay off the command line. */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const parsed = new URL(url);
  return {
    ...process.env,
    PGHOST: parsed.hostname,
    PGPORT: parsed.port || "5432",
    PGUSER: decodeURIComponent(parsed.username),
    PGPASSWORD: decodeURIComponent(parsed.password),
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  };
}
