// Prepares a local D1 (migrations + demo seed) and starts `wrangler dev`; used by `npm start`
// and by the browser tests (with a throw-away state directory and a free port).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: process.env.CI ?? "true" };

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
}

/** Applies the migrations and seeds the demo into the local D1 under `persistTo` (default: wrangler's). */
export function prepareLocalDatabase(persistTo) {
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  run("wrangler", ["d1", "migrations", "apply", "verklaring", "--local", ...persist]);
  run(process.execPath, ["scripts/seed.ts", ...persist]);
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

/** Starts `wrangler dev` and resolves once it answers on `port`. */
export async function startWranglerDev({ port, persistTo, quiet = false }) {
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
      stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
      detached: true,
    },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/v1/statements`);
      if (res.ok) return { child, stop: () => stopProcessGroup(child) };
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
