/** Where read-only queries run: the database itself, or a D1 session that may use read replicas. */
export type D1Reader = D1Database | D1DatabaseSession;
