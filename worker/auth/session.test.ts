// Sessions against the real D1: what is stored, expiry and sliding renewal.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoGroup } from "../demo-seed.ts";
import { findUserByEmail } from "../db/accounts.ts";
import { createSession, invalidateUserSessions, validateSessionToken } from "./session.ts";

const DAY = 24 * 60 * 60 * 1000;
let userId: number;

beforeAll(async () => {
  await seedDemoGroup(env.DB, "2026-01-10T09:00:00.000Z");
  userId = (await findUserByEmail(env.DB, "editor@jccsoftware.example"))!.id;
});

const storedRow = (id: string) =>
  env.DB.prepare("SELECT id, hex(secret_hash) AS hash, expires_at FROM sessions WHERE id = ?1")
    .bind(id)
    .first<{
      id: string;
      hash: string;
      expires_at: string;
    }>();

describe("createSession", () => {
  it("makes a token with two 120-bit halves and stores only the secret's SHA-256", async () => {
    const { token, session } = await createSession(env.DB, userId, new Date());
    const [id, secret] = token.split(".");
    expect(id).toMatch(/^[a-z2-7]{24}$/);
    expect(secret).toMatch(/^[a-z2-7]{24}$/);
    const row = await storedRow(session.id);
    expect(row!.id).toBe(id);
    expect(row!.hash).toHaveLength(64);
    const everything = JSON.stringify(await env.DB.prepare("SELECT * FROM sessions").all());
    expect(everything).not.toContain(secret);
  });

  it("never makes the same token twice", async () => {
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => createSession(env.DB, userId, new Date())),
    );
    expect(new Set(tokens.map((t) => t.token)).size).toBe(20);
  });
});

describe("validateSessionToken", () => {
  it("accepts the token it made and refuses a changed secret, id or shape", async () => {
    const now = new Date();
    const { token } = await createSession(env.DB, userId, now);
    expect((await validateSessionToken(env.DB, token, now)).user?.email).toBe("editor@jccsoftware.example");
    const [id, secret] = token.split(".") as [string, string];
    const flipped = secret.slice(0, -1) + (secret.endsWith("a") ? "b" : "a");
    for (const bad of [`${id}.${flipped}`, `${id}x.${secret}`, id, `${token}.x`, "", "."]) {
      expect((await validateSessionToken(env.DB, bad, now)).session).toBeNull();
    }
  });

  it("lasts 30 days and is not extended in its first half", async () => {
    const start = new Date("2026-05-01T00:00:00.000Z");
    const { token, session } = await createSession(env.DB, userId, start);
    expect(Date.parse(session.expiresAt) - start.getTime()).toBe(30 * DAY);
    const result = await validateSessionToken(env.DB, token, new Date(start.getTime() + 10 * DAY));
    expect(result.renewed).toBe(false);
    expect((await storedRow(session.id))!.expires_at).toBe(session.expiresAt);
  });

  it("extends to 30 days from now when used in its second half", async () => {
    const start = new Date("2026-05-01T00:00:00.000Z");
    const { token, session } = await createSession(env.DB, userId, start);
    const later = new Date(start.getTime() + 20 * DAY);
    const result = await validateSessionToken(env.DB, token, later);
    expect(result.renewed).toBe(true);
    const expected = new Date(later.getTime() + 30 * DAY).toISOString();
    expect(result.session?.expiresAt).toBe(expected);
    expect((await storedRow(session.id))!.expires_at).toBe(expected);
  });

  it("refuses and removes an expired session", async () => {
    const start = new Date("2026-05-01T00:00:00.000Z");
    const { token, session } = await createSession(env.DB, userId, start);
    const result = await validateSessionToken(env.DB, token, new Date(start.getTime() + 30 * DAY));
    expect(result.session).toBeNull();
    expect(await storedRow(session.id)).toBeNull();
  });

  it("refuses every session of a user after signing out everywhere", async () => {
    const now = new Date();
    const a = await createSession(env.DB, userId, now);
    const b = await createSession(env.DB, userId, now);
    await invalidateUserSessions(env.DB, userId);
    expect((await validateSessionToken(env.DB, a.token, now)).session).toBeNull();
    expect((await validateSessionToken(env.DB, b.token, now)).session).toBeNull();
  });
});
