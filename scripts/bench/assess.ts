// CPU time of the publish gate's reading of a statement (issue 15) as a rollout runs it for every
// company (issue 20): assessContent — completeness in the default language, the legal lint in
// every language — on statements already resolved, for 208 companies in turn (the demo companies
// and 200 with profiles of their own), in a group of 10,008 companies whose statements link to the
// members page instead of listing them. Times are per company; the checks remember what they read
// from text that recurs (shared/completeness/remember.ts), as they do in a real rollout.
// Usage: node scripts/bench/assess.ts [--runs 15]   (runs over 208 companies) Prints one JSON line; times in ms.
import { DEMO_BASELINE, DEMO_TENANTS } from "#shared/demo/index.ts";
import { checkCompleteness } from "#shared/completeness/check.ts";
import { lintPublication } from "#shared/lint/index.ts";
import { resolvePublication } from "#shared/publication.ts";
import { assessContent } from "../../worker/completeness.ts";
import {
  generatedCompany,
  generatedContent,
  LARGE_GROUP,
  LARGE_GROUP_RECORD,
} from "./generated-companies.ts";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;

// What a rollout has in hand for each company: its content and its statements, resolved once. As
// in the bench's database, most companies are generated (./generated-companies.ts).
const generated = Array.from({ length: 200 }, (_, i) => ({
  ...generatedCompany(i),
  content: generatedContent(i),
}));
const companies = [...DEMO_TENANTS, ...generated].map((t, i) => {
  const tenant = { id: i + 1, groupId: 1, slug: t.slug, name: t.name };
  const resolved = resolvePublication(DEMO_BASELINE, {
    group: LARGE_GROUP,
    slug: t.slug,
    content: t.content,
  });
  return { tenant, content: t.content, resolved };
});

interface Timing {
  runs: number;
  /** Median wall time of one company. */
  medianMs: number;
  /** Process CPU time per company: less sensitive than wall time to a busy machine. */
  cpuMsPerCompany: number;
}

function time(work: (company: (typeof companies)[number]) => unknown): Timing {
  // Warm-up: let the JIT settle.
  for (let i = 0; i < 3; i++) for (const company of companies) work(company);
  const samples = new Float64Array(runs * companies.length);
  const cpuBefore = process.cpuUsage();
  let n = 0;
  for (let i = 0; i < runs; i++) {
    for (const company of companies) {
      const start = performance.now();
      work(company);
      samples[n++] = performance.now() - start;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  samples.sort();
  return {
    runs,
    medianMs: round(samples[Math.floor(samples.length / 2)]!),
    cpuMsPerCompany: round((cpu.user + cpu.system) / 1000 / samples.length),
  };
}

const round = (n: number) => Number(n.toFixed(4));

const assess = time((c) => assessContent(LARGE_GROUP_RECORD, c.tenant, DEMO_BASELINE, c.content, c.resolved));
const completeness = time((c) =>
  checkCompleteness(
    c.resolved.statements.find((s) => s.language === LARGE_GROUP.defaultLanguage)!,
    c.content,
    { jointControllership: DEMO_BASELINE.jointControllership },
  ),
);
const lint = time((c) =>
  lintPublication(
    DEMO_BASELINE,
    { group: LARGE_GROUP, slug: c.tenant.slug, content: c.content },
    c.resolved.statements,
  ),
);

console.log(
  JSON.stringify({
    companies: companies.length,
    groupMembers: LARGE_GROUP.members.length,
    languages: LARGE_GROUP.languages,
    assessContent: assess,
    checkCompleteness: completeness,
    lintPublication: lint,
  }),
);
