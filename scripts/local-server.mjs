// Prepares a local D1 (migrations + demo seed) and starts `wrangler dev`; used by `npm start`
// and by the browser tests (with a throw-away state directory and a free port).
import { spawn, spawnSync } from "node:child_process";

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

/** Starts `wrangler dev` and resolves once it answers on `port`. */
export async function startWranglerDev({ port, persistTo, quiet = false }) {
  const persist = persistTo ? ["--persist-to", persistTo] : [];
  const child = spawn("wrangler", ["dev", "--port", String(port), "--ip", "127.0.0.1", ...persist], {
    env,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : ["ignore", "inherit", "inherit"],
    detached: true,
  });
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
