// Creates the first privacy lead of a group, locally or on Cloudflare, without any default
// password: it writes a single-use group_admin invitation and prints its link (valid 7 days).
//
//   npm run admin:create -- --email lead@example.nl --group acme [--name "Acme Groep"]
//                           [--remote] [--origin https://verklaring.example.nl] [--persist-to DIR]
//
// The group is created when it does not exist yet (then --name is required).
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import * as v from "valibot";
import { SlugSchema } from "#shared/model.ts";
import { generateRandomToken, hashSecret } from "../worker/auth/session.ts";
import { chainOf } from "../worker/db/audit.ts";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    group: { type: "string" },
    name: { type: "string" },
    remote: { type: "boolean", default: false },
    origin: { type: "string", default: "http://localhost:8787" },
    "persist-to": { type: "string" },
  },
});

const ArgsSchema = v.object({
  email: v.pipe(
    v.string("--email is required"),
    v.trim(),
    v.toLowerCase(),
    v.email("--email must be an e-mail address"),
  ),
  group: v.pipe(v.string("--group is required"), SlugSchema),
  name: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(120))),
  origin: v.pipe(v.string(), v.url("--origin must be a URL")),
});
const parsed = v.safeParse(ArgsSchema, values);
if (!parsed.success) {
  console.error(parsed.issues.map((i) => `admin:create: ${v.getDotPath(i) ?? ""} ${i.message}`).join("\n"));
  process.exit(2);
}
const args = parsed.output;
const target = values.remote
  ? ["--remote"]
  : ["--local", ...(values["persist-to"] ? ["--persist-to", values["persist-to"]] : [])];

/** Runs SQL through wrangler against the chosen D1 and returns the rows of the last statement. */
function runSql(sql: string): Record<string, unknown>[] {
  const result = spawnSync(
    "wrangler",
    ["d1", "execute", "verklaring", ...target, "--json", "--command", sql],
    {
      encoding: "utf8",
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  if (result.status !== 0) throw new Error(`wrangler d1 execute failed:\n${result.stderr}\n${result.stdout}`);
  const output = JSON.parse(result.stdout) as { results: Record<string, unknown>[] }[];
  return output.at(-1)?.results ?? [];
}

// SQL literals for values already validated above; quotes doubled as SQL requires.
const text = (s: string): string => `'${s.replaceAll("'", "''")}'`;

const now = new Date();
const at = now.toISOString();
const existing = runSql(`SELECT id FROM groups WHERE slug = ${text(args.group)}`);
if (existing.length === 0) {
  if (!args.name) {
    console.error(`admin:create: group "${args.group}" does not exist yet; give its name with --name.`);
    process.exit(2);
  }
  runSql(
    `INSERT INTO groups (slug, name, languages, default_language, created_at)
     VALUES (${text(args.group)}, ${text(args.name)}, '["nl","en"]', 'nl', ${text(at)})`,
  );
}
const groupId = Number(runSql(`SELECT id FROM groups WHERE slug = ${text(args.group)}`)[0]!.id);
const token = generateRandomToken(20);
const tokenHash = Buffer.from(hashSecret(token)).toString("hex");
const expiresAt = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000).toISOString();
const summary = { role: "group_admin", tenant: null, expiresAt, via: "admin:create" };
// The audit row goes in unsealed, like every audit row: the worker seals it with its AUDIT_KEY the
// next time it runs (this script has no access to that secret, and needs none).
runSql(
  `INSERT INTO invitations (group_id, tenant_id, role, email, token_hash, created_by, created_at, expires_at)
   VALUES (${groupId}, NULL, 'group_admin', ${text(args.email)}, X'${tokenHash}', NULL, ${text(at)}, ${text(expiresAt)});
   INSERT INTO audit_log (chain, group_id, tenant_id, actor_user_id, actor, action, target, summary, created_at)
   VALUES (${text(chainOf(groupId))}, ${groupId}, NULL, NULL, 'system', 'invitation.created', ${text(args.email)},
     ${text(JSON.stringify(summary))}, ${text(at)})`,
);

console.log(`Invited ${args.email} as privacy lead of "${args.group}". Open this link within 7 days to choose a password:

  ${new URL(`/invite#token=${token}`, args.origin).toString()}

The link works once; only a hash of it is stored, so it cannot be shown again.`);
