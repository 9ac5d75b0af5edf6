// Prepares a local D1 (migrations + demo seed) and starts `wrangler dev`; used by `npm start`
// and by the browser tests (with a throw-away state directory and a free port). The tools' own
// output is kept back and shown only when something fails: a person starting Verklaring wants to
// know that it runs and where, not wrangler's migration tables.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CI: process.env.CI ?? "true",
  // Miniflare fetches a sample `Request.cf` object from workers.cloudflare.com at start; offline
  // that prints a DNS error twice. The placeholder it falls back to is all local use needs.
  CLOUDFLARE_CF_FETCH_ENABLED: process.env.CLOUDFLARE_CF_FETCH_ENABLED ?? "false",
};

/** Runs a command to its end; its output is returned, and shown (with the exit code) if it fails. */
function run(command, args) {
  const result = spawnSync(command, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.error) throw result.error;
  const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  if (result.status !== 0) {
    process.stderr.write(output);
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
  }
  return output;
}

/**
 * Applies the migrations and seeds the demo into the local D1 under `persistTo` (default:
 * wrangler's). Returns what happened, in a few words each.
 */
export function prepareLocalDatabase(persistTo) {
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  const migrated = run("wrangler", ["d1", "migrations", "apply", "verklaring", "--local", ...persist]);
  const applied = /About to apply (\d+) migration/.exec(migrated)?.[1];
  const seeded = run(process.execPath, ["scripts/seed.ts", ...persist]);
  return {
    migrations: applied
      ? `${applied} migration${applied === "1" ? "" : "s"} applied`
      : "migrations up to date",
    seed: /^seed: (.*)$/m.exec(seeded)?.[1] ?? "done",
  };
}

/**
 * The local secrets, in .dev.vars (never committed): written with fresh random keys the first
 * time, and completed if a key is missing. The keys must stay the same from one start to the next,
 * or the local audit log no longer verifies.
 */
export function ensureDevVars(path = ".dev.vars") {
  const present = existsSync(path) ? readFileSync(path, "utf8") : "";
  const has = (name) => new RegExp(`^\\s*${name}\\s*=`, "m").test(present);
  /** @type {{ name: string; why: string }[]} */
  const wanted = [
    { name: "AUDIT_KEY", why: "keys the audit chains and signs their checkpoints" },
    { name: "DEVICE_COOKIE_KEY", why: "signs known-device cookies" },
  ];
  const missing = wanted.filter(({ name }) => !has(name));
  if (missing.length === 0) return;
  const lines = missing.map(({ name, why }) => `# ${why}\n${name}=${randomBytes(32).toString("hex")}\n`);
  appendFileSync(path, `${present && !present.endsWith("\n") ? "\n" : ""}${lines.join("")}`);
}

// What `wrangler dev` says at start that is no news to someone who ran `npm start`.
const NOISE = [
  /^\s*$/,
  /⛅️ wrangler/,
  /^─+$/,
  /^Your Worker has access to the following bindings/,
  /^Binding\s+Resource\s+Mode/,
  /^env\.\w+/,
  /Starting local server/,
  /Connection status updated/,
  /Parsed \d+ valid header rules/,
  /Ready on http/,
  /Unable to fetch the `Request\.cf` object/,
  /getaddrinfo ENOTFOUND workers\.cloudflare\.com/,
  /^\s+at /,
];
// Terminal colour codes (ESC [ … m), taken off before a line is matched.
const COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
// A request log line ("[wrangler:info] GET / 200 OK (3ms)"): shown only with VERBOSE=1.
const REQUEST = /^\[wrangler:info\] [A-Z]+ \S+ \d{3}/;

/**
 * Starts `wrangler dev` and resolves once it answers on `port`. quiet: keep all of its output
 * (shown only if it fails to start); otherwise pass on what is not start-up noise.
 */
export async function startWranglerDev({ port, persistTo, quiet = false, verbose = false }) {
  ensureDevVars();
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  // Local development: this port is the public address, and webhooks may call this machine
  // (a receiver on localhost), which a deployment never allows.
  const localVars = ["--var", `PUBLIC_ORIGIN:http://localhost:${port}`, "--var", "ALLOW_LOCAL_TARGETS:true"];
  const child = spawn(
    "wrangler",
    ["dev", "--port", String(port), "--ip", "127.0.0.1", ...persist, ...localVars],
    {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let output = "";
  let ready = false;
  const pass = (chunk) => {
    const text = String(chunk);
    if (!ready) output += text;
    if (quiet || !ready) return;
    for (const line of text.split("\n")) {
      const plain = line.replace(COLOURS, "");
      if (verbose || (!NOISE.some((noise) => noise.test(plain)) && !REQUEST.test(plain)))
        process.stdout.write(`${line}\n`);
    }
  };
  child.stdout.on("data", pass);
  child.stderr.on("data", pass);
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/v1/statements`);
      if (res.ok) {
        ready = true;
        return { child, stop: () => stopProcessGroup(child) };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stopProcessGroup(child);
  throw new Error(`wrangler dev did not answer on port ${port} within 60 s:\n${output}`);
}

function stopProcessGroup(child) {
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    // already gone
  }
}
