// Just enough of the D1 API, over node:sqlite, to run the worker's own database code against the
// SQLite file behind a local (Miniflare) D1 while no runtime has it open. The bench uses it to
// generate its data: through getPlatformProxy every prepare() and bind() is a round trip to
// workerd, which makes 1,000 publishes take minutes instead of seconds.
import type { D1Database } from "@cloudflare/workers-types/index.ts";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";

/** The SQLite file of the (only) local D1 database under a `--persist-to` directory. */
export function findLocalD1File(persistTo: string): string {
  const dir = join(persistTo, "v3", "d1", "miniflare-D1DatabaseObject");
  const files = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite")
    : [];
  if (files.length !== 1) {
    throw new Error(`expected exactly one local D1 database in ${dir}, found ${files.length}`);
  }
  return join(dir, files[0]!);
}

/** The connection, with each SQL text prepared once. */
class Sqlite {
  readonly db: DatabaseSync;
  readonly #prepared = new Map<string, StatementSync>();

  constructor(file: string) {
    this.db = new DatabaseSync(file);
  }

  statement(sql: string): StatementSync {
    let prepared = this.#prepared.get(sql);
    if (!prepared) this.#prepared.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }
}

class Statement {
  readonly #sqlite: Sqlite;
  readonly sql: string;
  readonly params: SQLInputValue[];

  constructor(sqlite: Sqlite, sql: string, params: SQLInputValue[] = []) {
    this.#sqlite = sqlite;
    this.sql = sql;
    this.params = params;
  }

  bind(...params: unknown[]): Statement {
    return new Statement(
      this.#sqlite,
      this.sql,
      params.map((p) => (p === undefined ? null : typeof p === "boolean" ? Number(p) : (p as SQLInputValue))),
    );
  }

  rows(): Record<string, unknown>[] {
    return this.#sqlite.statement(this.sql).all(...this.params);
  }

  async first<T>(column?: string): Promise<T | null> {
    const row = this.rows()[0];
    if (!row) return null;
    return (column === undefined ? { ...row } : row[column]) as T;
  }

  async all<T>(): Promise<{ results: T[]; success: true; meta: object }> {
    return { results: this.rows().map((r) => ({ ...r }) as T), success: true, meta: {} };
  }

  async run(): Promise<{ results: []; success: true; meta: object }> {
    this.rows();
    return { results: [], success: true, meta: {} };
  }
}

/** Opens the file; `db` can be passed wherever the worker's code takes a D1Database. */
export function openSqliteD1(file: string): { db: D1Database; close: () => void } {
  const sqlite = new Sqlite(file);
  sqlite.db.exec("PRAGMA foreign_keys = ON");
  // A throw-away database: no fsync on every commit.
  sqlite.db.exec("PRAGMA synchronous = OFF");
  const api = {
    prepare: (sql: string) => new Statement(sqlite, sql),
    // Like D1: every statement in one transaction, all or nothing.
    batch: async (statements: Statement[]) => {
      sqlite.db.exec("BEGIN");
      try {
        const results = statements.map((s) => ({ results: s.rows(), success: true, meta: {} }));
        sqlite.db.exec("COMMIT");
        return results;
      } catch (error) {
        sqlite.db.exec("ROLLBACK");
        throw error;
      }
    },
  };
  return { db: api as unknown as D1Database, close: () => sqlite.db.close() };
}
