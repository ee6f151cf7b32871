// The driver adapter that Prisma's CLI (migrate deploy/status/dev/diff) runs on. Prisma
// 6.19's Wasm schema engine works offline, unlike the native engine the CLI would otherwise
// download; two gaps in @prisma/adapter-pg 6.19 are bridged here, for the CLI only.
// See prisma/README.md.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Catalog column types the schema engine reads while introspecting, which adapter-pg
// refuses to deserialize: name, int2vector, regproc, oidvector, pg_node_tree reach it as
// text; "char" (constraint and index kinds) as a single character, which the engine expects.
const TEXT_OID = 25;
const CHAR_OID = 18;
const AS_TEXT = new Set([19, 22, 24, 30, 194]);
// ColumnTypeEnum.Character of @prisma/driver-adapter-utils.
const CHARACTER_COLUMN = 6;
const CHAR_COLUMNS = Symbol("char columns");

type TaggedRows = unknown[] & { [CHAR_COLUMNS]?: number[] };

function stringify(result: pg.QueryResult, index: number, name: string): void {
  for (const row of result.rows as unknown[]) {
    if (Array.isArray(row)) {
      if (row[index] != null) row[index] = String(row[index]);
    } else if (row && typeof row === "object") {
      const record = row as Record<string, unknown>;
      if (record[name] != null) record[name] = String(record[name]);
    }
  }
}

function catalogColumnsAsText(result: pg.QueryResult): pg.QueryResult {
  if (!result || !Array.isArray(result.fields)) return result;
  const charColumns: number[] = [];
  result.fields.forEach((field, index) => {
    if (field.dataTypeID === CHAR_OID) charColumns.push(index);
    else if (!AS_TEXT.has(field.dataTypeID)) return;
    field.dataTypeID = TEXT_OID;
    stringify(result, index, field.name);
  });
  if (charColumns.length > 0) (result.rows as TaggedRows)[CHAR_COLUMNS] = charColumns;
  return result;
}

class CatalogAsTextClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, submittable); wrap them all.
  override query(...args: unknown[]): never {
    const callbackIndex = args.findIndex((arg) => typeof arg === "function");
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: Error | null, result?: pg.QueryResult) => void;
      args[callbackIndex] = (err: Error | null, result?: pg.QueryResult) =>
        callback(err, result && catalogColumnsAsText(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (callbackIndex < 0 && returned instanceof Promise) {
      return returned.then(catalogColumnsAsText) as never;
    }
    return returned as never;
  }
}

type Queryable = {
  queryRaw(query: unknown): Promise<{ columnTypes: number[]; rows: TaggedRows }>;
};
type Connection = Queryable & {
  startTransaction(...args: unknown[]): Promise<Queryable>;
  executeScript(script: string): Promise<void>;
  underlyingDriver(): pg.Pool;
  onError(error: unknown): never;
  dispose(): Promise<void>;
};

function retypeCharColumns<T extends Queryable>(queryable: T): T {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of result.rows[CHAR_COLUMNS] ?? []) result.columnTypes[index] = CHARACTER_COLUMN;
    return result;
  };
  return queryable;
}

function withCatalogTypes<T>(connection: T): T {
  const conn = retypeCharColumns(connection as unknown as Connection);
  const startTransaction = conn.startTransaction.bind(conn);
  conn.startTransaction = async (...args) => retypeCharColumns(await startTransaction(...args));
  // adapter-pg splits a migration on every ";", which breaks function bodies ($$ … ; … $$).
  // PostgreSQL runs a multi-statement script itself, as one implicit transaction.
  conn.executeScript = async (script) => {
    try {
      await conn.underlyingDriver().query(script);
    } catch (error) {
      conn.onError(error);
    }
  };
  return connection;
}

function catalogSafePool(connectionString: string): pg.Pool {
  // allowExitOnIdle: the CLI never ends its pools; idle clients would keep it alive for 10 s.
  return new pg.Pool({ connectionString, max: 4, allowExitOnIdle: true, Client: CatalogAsTextClient });
}

function withDatabase(connectionString: string, database: string): string {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

export class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    super(catalogSafePool(connectionString), { disposeExternalPool: true });
  }

  override async connect() {
    return withCatalogTypes(await super.connect());
  }

  // adapter-pg derives the shadow connection from the main config (a connectionString
  // wins over `database`, so it would migrate the main database) and drops the shadow
  // database while its own pool is still connected. This one does it in the right order.
  override async connectToShadowDb() {
    const admin = new pg.Client({ connectionString: this.connectionString });
    await admin.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadow = withCatalogTypes(
      await new PrismaPg(catalogSafePool(withDatabase(this.connectionString, database)), {
        disposeExternalPool: true,
      }).connect(),
    );
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow();
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
    return shadow;
  }
}
