// PostgreSQL's advice for populating a database ("Populating a Database" in its manual):
// load into tables without their secondary indexes and foreign keys, then build those
// once, by sorting, and validate each foreign key with one join. Both are recreated from
// their own catalog definitions inside the caller's transaction, so that a failed load
// rolls back to the original schema and a committed one ends with exactly the same indexes
// and constraints. Primary keys stay: other tables' foreign keys depend on them.
import type pg from "pg";

type Definition = { name: string; table: string; definition: string };

export type DeferredStructures = { indexes: Definition[]; foreignKeys: Definition[] };

/** Secondary indexes (not backing a constraint) and foreign keys of `tables`. */
export async function readDeferredStructures(client: pg.ClientBase, tables: readonly string[]): Promise<DeferredStructures> {
  const indexes = await client.query<Definition>(
    `SELECT i.relname AS name, t.relname AS "table", pg_get_indexdef(x.indexrelid) AS definition
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY t.relname, i.relname`,
    [tables],
  );
  const foreignKeys = await client.query<Definition>(
    `SELECT c.conname AS name, t.relname AS "table", pg_get_constraintdef(c.oid) AS definition
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.contype = 'f' AND t.relnamespace = 'public'::regnamespace AND t.relname = ANY($1::text[])
     ORDER BY t.relname, c.conname`,
    [tables],
  );
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/** Runs `load` with the tables' secondary indexes and foreign keys dropped; call inside a transaction. */
export async function withDeferredStructures<T>(
  client: pg.ClientBase,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const { indexes, foreignKeys } = await readDeferredStructures(client, tables);
  const id = (name: string) => client.escapeIdentifier(name);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${id(fk.table)} DROP CONSTRAINT ${id(fk.name)}`);
  for (const index of indexes) await client.query(`DROP INDEX ${id(index.name)}`);
  const result = await load();
  // Index builds sort in memory when they can; the setting ends with the transaction.
  await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  for (const index of indexes) await client.query(index.definition);
  for (const fk of foreignKeys) await client.query(`ALTER TABLE ${id(fk.table)} ADD CONSTRAINT ${id(fk.name)} ${fk.definition}`);
  return result;
}
