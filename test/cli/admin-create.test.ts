// `npm run admin:create` against a fresh local D1, then the invitation it printed accepted
// through the real worker: the first privacy lead exists without any default password.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { startWranglerDev } from "../../scripts/local-server.mjs";

const persistTo = mkdtempSync(join(tmpdir(), "verklaring-cli-"));
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" };
let server: { stop(): void } | undefined;

function run(args: string[]) {
  return spawnSync(process.execPath, args, { encoding: "utf8", env });
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(() => {
  const migrate = spawnSync(
    "wrangler",
    ["d1", "migrations", "apply", "verklaring", "--local", "--persist-to", persistTo],
    {
      encoding: "utf8",
      env,
    },
  );
  expect(migrate.status, migrate.stderr).toBe(0);
});

afterAll(() => {
  server?.stop();
  rmSync(persistTo, { recursive: true, force: true });
});

it("refuses bad arguments with a message", () => {
  const missingName = run([
    "scripts/admin-create.ts",
    "--email",
    "lead@acme.example",
    "--group",
    "acme",
    "--persist-to",
    persistTo,
  ]);
  expect(missingName.status).toBe(2);
  expect(missingName.stderr).toContain("--name");
  const badEmail = run([
    "scripts/admin-create.ts",
    "--email",
    "nope",
    "--group",
    "acme",
    "--persist-to",
    persistTo,
  ]);
  expect(badEmail.status).toBe(2);
  expect(badEmail.stderr).toContain("e-mail");
});

it("creates the group and a single-use group_admin invitation that signs the lead in", async () => {
  const result = run([
    "scripts/admin-create.ts",
    "--email",
    "Lead@Acme.example",
    "--group",
    "acme",
    "--name",
    "Acme's Groep",
    "--persist-to",
    persistTo,
  ]);
  expect(result.status, result.stderr).toBe(0);
  const token = /#token=([a-z2-7]+)/.exec(result.stdout)?.[1];
  expect(token).toBeDefined();

  const port = await findFreePort();
  server = await startWranglerDev({ port, persistTo, quiet: true });
  const base = `http://127.0.0.1:${port}`;
  const accept = await fetch(`${base}/api/invitations/accept`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token, name: "Acme Lead", password: "a-long-enough-password" }),
  });
  expect(accept.status).toBe(200);
  const cookie = accept.headers.getSetCookie()[0]!.split(";")[0]!;
  const me = (await (await fetch(`${base}/api/me`, { headers: { Cookie: cookie } })).json()) as {
    user: { email: string };
    memberships: { role: string; group: { slug: string; name: string } }[];
  };
  expect(me.user.email).toBe("lead@acme.example");
  expect(me.memberships).toEqual([
    expect.objectContaining({ role: "group_admin", group: { slug: "acme", name: "Acme's Groep" } }),
  ]);

  const verify = (await (
    await fetch(`${base}/api/groups/acme/audit/verify`, { headers: { Cookie: cookie } })
  ).json()) as {
    intact: boolean;
    rows: number;
  };
  expect(verify).toEqual({ intact: true, rows: 2 });

  const again = await fetch(`${base}/api/invitations/accept`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token, name: "Someone", password: "another-long-password" }),
  });
  expect(again.status).toBe(410);
});
