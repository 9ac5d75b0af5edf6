// Resolve-and-render time of JCC Software's statement in Node, as the worker does it at publish
// time (preparePublication: every language, every format, body and content hashes by Web Crypto,
// which in Node answers a little later than in workerd, so this errs on the slow side) and as the
// bare minimum a page view would need (resolveStatement + renderHtmlPage, one language).
// Usage: node scripts/bench/render.ts [--runs 500]   Prints one JSON line; times in ms.
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "#shared/demo/index.ts";
import { renderHtmlPage, resolveStatement } from "#shared/engine.ts";
import type { Group } from "#shared/model.ts";
import { preparePublication, RENDER_FORMATS, RENDERERS, resolvePublication } from "#shared/publication.ts";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 500;
const jcc = DEMO_TENANTS.find((t) => t.slug === "jcc-software");
if (!jcc) throw new Error("JCC Software is missing from the demo data");

const meta = {
  version: 1,
  publishedAt: "2026-11-22T10:00:00.000Z",
  effectiveFrom: "2026-11-22T10:00:00.000Z",
  baselineVersion: 1,
};

interface Timing {
  runs: number;
  medianMs: number;
  p90Ms: number;
  /** Process CPU time per run: less sensitive than wall time to a busy machine. */
  cpuMsPerRun: number;
}

async function time(runCount: number, work: () => unknown): Promise<Timing> {
  for (let i = 0; i < Math.min(50, runCount); i++) await work(); // warm-up: let the JIT settle
  const samples = new Float64Array(runCount);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < runCount; i++) {
    const start = performance.now();
    await work();
    samples[i] = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuBefore);
  samples.sort();
  const at = (p: number) => samples[Math.max(0, Math.ceil(p * runCount) - 1)]!;
  return {
    runs: runCount,
    medianMs: round(at(0.5)),
    p90Ms: round(at(0.9)),
    cpuMsPerRun: round((cpu.user + cpu.system) / 1000 / runCount),
  };
}

const round = (n: number) => Number(n.toFixed(4));
const perStatement = (t: Timing, statements: number) => ({
  medianMs: round(t.medianMs / statements),
  cpuMs: round(t.cpuMsPerRun / statements),
});

async function publicationTiming(group: Group, runCount: number) {
  const tenant = { group, slug: jcc!.slug, content: jcc!.content };
  const check = await preparePublication(DEMO_BASELINE, tenant, meta);
  if (check.problems.length > 0) throw new Error(`JCC Software has problems: ${check.problems[0]!.message}`);
  const timing = await time(runCount, () => preparePublication(DEMO_BASELINE, tenant, meta));
  return {
    languages: group.languages,
    formats: check.outputs.length / group.languages.length,
    outputBytes: check.outputs.reduce((sum, o) => sum + Buffer.byteLength(o.body), 0),
    groupMembers: group.members.length,
    perPublication: timing,
    perStatement: perStatement(timing, group.languages.length),
  };
}

// The demo group as seeded (eight companies), then as the bench's database has it (1,008).
const publication = await publicationTiming(DEMO_GROUP, runs);
const largeGroup: Group = {
  ...DEMO_GROUP,
  members: [
    ...DEMO_GROUP.members,
    ...Array.from({ length: 1000 }, (_, i) => ({
      slug: `bench-${String(i + 1).padStart(4, "0")}`,
      name: `Bedrijf ${String(i + 1).padStart(4, "0")}`,
    })),
  ],
};
const publicationLargeGroup = await publicationTiming(largeGroup, Math.max(20, Math.round(runs / 5)));

const fullMeta = { ...meta, contentHash: "0".repeat(64) };
const tenant = { group: DEMO_GROUP, slug: jcc.slug, content: jcc.content };
const htmlPage: Record<string, Timing> = {};
for (const language of DEMO_GROUP.languages) {
  htmlPage[language] = await time(runs, () =>
    renderHtmlPage(resolveStatement(DEMO_BASELINE, tenant, language), fullMeta),
  );
}
// What a publish renders, without hashing it: every language, every format.
const resolveAndRenderAll = await time(runs, () => {
  const { statements } = resolvePublication(DEMO_BASELINE, tenant);
  return statements.map((statement) =>
    RENDER_FORMATS.map((format) => RENDERERS[format](statement, fullMeta)),
  );
});
const htmlMedians = Object.values(htmlPage).map((t) => t.medianMs);

console.log(
  JSON.stringify({
    publication,
    publicationLargeGroup,
    resolveAndRenderAll: {
      perPublication: resolveAndRenderAll,
      perStatement: perStatement(resolveAndRenderAll, DEMO_GROUP.languages.length),
    },
    resolveAndRenderHtmlPage: {
      perLanguage: htmlPage,
      perStatement: {
        medianMs: round(Math.max(...htmlMedians)),
        cpuMs: round(Math.max(...Object.values(htmlPage).map((t) => t.cpuMsPerRun))),
      },
    },
  }),
);
