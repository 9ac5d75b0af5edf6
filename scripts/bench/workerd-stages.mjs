// Times each stage of a company's republish inside workerd (scripts/bench/workerd-stages-worker.ts
// in Miniflare), where Node's timings (republish-cpu.ts) can mislead: workerd's V8 is newer and its
// zlib and Web Crypto are its own. With --against, the same stages of another checkout run in a
// second Miniflare, interleaved with this one round by round, so that both see the same noise.
//
//   node scripts/bench/workerd-stages.mjs [--stages all,gate,render,pack] [--runs 1000] [--rounds 7]
//                                         [--against ../before]
//
// `--against` takes a checkout with this script (for instance `git worktree add ../before HEAD~1`;
// its packages are found in this checkout's node_modules). Prints a line per stage: ms a company,
// the minimum and the median of the rounds, and with --against the ratio of the medians.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import { join, resolve } from "node:path";

const { Log, LogLevel, Miniflare, convertV4MiniflareOptions } = await import("miniflare");

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const stages = option("stages", "resolve,hash,gate,render,pack,all").split(",");
const runs = Number(option("runs", "1000"));
const rounds = Number(option("rounds", "7"));
const against = option("against", null);

const here = resolve(".");
const tmp = mkdtempSync(join(os.tmpdir(), "workerd-stages-"));

/** The stage worker of checkout `root`, bundled with this checkout's packages. */
function bundle(root, name) {
  const outfile = join(tmp, `${name}.js`);
  execFileSync(
    join(here, "node_modules/.bin/esbuild"),
    [
      join(root, "scripts/bench/workerd-stages-worker.ts"),
      "--bundle",
      "--format=esm",
      "--platform=browser",
      "--conditions=workerd,worker",
      "--external:node:*",
      `--outfile=${outfile}`,
      "--log-level=error",
    ],
    { cwd: root, stdio: "inherit", env: { ...process.env, NODE_PATH: join(here, "node_modules") } },
  );
  return outfile;
}

async function start(name, scriptPath) {
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      log: new Log(LogLevel.ERROR),
      telemetry: { enabled: false },
      cf: false,
      workers: [
        {
          name,
          modules: true,
          scriptPath,
          modulesRoot: tmp,
          compatibilityDate: "2026-11-01",
          // As wrangler.toml: node:zlib without the rest of Node.
          compatibilityFlags: ["nodejs_zlib"],
        },
      ],
    }),
  );
  await mf.ready;
  return { name, mf };
}

const workers = [await start("this", bundle(here, "this"))];
if (against) workers.unshift(await start("against", bundle(resolve(against), "against")));

/** Milliseconds a company for `count` runs of `stage`, as the caller sees the request take. */
async function time({ mf }, stage, count) {
  const started = performance.now();
  const response = await mf.dispatchFetch(`http://stages/?stage=${stage}&n=${count}`);
  const text = await response.text();
  if (!response.ok) throw new Error(text);
  return (performance.now() - started) / count;
}

// Warm up: the JIT settles, and the checks' memory of texts fills as in a rollout under way.
for (const worker of workers) for (const stage of stages) await time(worker, stage, 300);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const stage of stages) {
  const times = new Map(workers.map((w) => [w.name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const worker of workers) times.get(worker.name).push(await time(worker, stage, runs));
  }
  const described = workers.map((w) => {
    const values = times.get(w.name);
    return `${w.name} min ${Math.min(...values).toFixed(3)} median ${median(values).toFixed(3)}`;
  });
  const ratio = against
    ? ` | this/against ${(median(times.get("this")) / median(times.get("against"))).toFixed(3)}`
    : "";
  console.log(`${stage.padEnd(7)} ms a company: ${described.join(" | ")}${ratio}`);
}
for (const { mf } of workers) await mf.dispose();
