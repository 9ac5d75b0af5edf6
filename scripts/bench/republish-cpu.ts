// The CPU a rollout spends on each company outside the database, in Node, stage by stage: resolving
// the statement on the new baseline and hashing its content (assessTenant), the publish gate
// (assessContent), rendering and hashing the ten renderings (preparePublication), and packing and
// compressing them (packRenderings). The companies are generated as in scripts/bench/generate.ts,
// 1,000 of them in turn, so that what the checks remember by text churns as in a real rollout.
// A stable way to compare two versions of this code (workerd's own runs vary by ±8 %); Node's
// zlib and Web Crypto are not workerd's, so the totals are a guide, not the bench's target.
// Usage: node scripts/bench/republish-cpu.ts [--runs 3]   Prints one JSON line; times in ms.
import { DEMO_BASELINE } from "#shared/demo/index.ts";
import { digestStatementContent } from "#shared/engine.ts";
import { preparePublication, resolvePublication } from "#shared/publication.ts";
import { assessContent } from "../../worker/completeness.ts";
import {
  generatedTenants,
  LARGE_GROUP,
  LARGE_GROUP_RECORD,
  REPUBLISHED_META,
} from "./generated-companies.ts";
import { packRenderings } from "../../worker/storage/rendering-packs.ts";

const runsFlag = process.argv.indexOf("--runs");
const runs = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 3;
const COMPANIES = 1000;

const companies = generatedTenants(COMPANIES);

const meta = REPUBLISHED_META;
const stages = { resolve: 0, gate: 0, render: 0, pack: 0 };

async function republishOne(company: (typeof companies)[number]): Promise<void> {
  let at = performance.now();
  const lap = (stage: keyof typeof stages) => {
    const now = performance.now();
    stages[stage] += now - at;
    at = now;
  };
  const unhashed = resolvePublication(DEMO_BASELINE, {
    group: LARGE_GROUP,
    slug: company.tenant.slug,
    content: company.content,
  });
  const resolved = { ...unhashed, contentHash: await digestStatementContent(unhashed.statements) };
  lap("resolve");
  assessContent(LARGE_GROUP_RECORD, company.tenant, DEMO_BASELINE, company.content, resolved);
  lap("gate");
  const publication = await preparePublication(
    DEMO_BASELINE,
    { group: LARGE_GROUP, slug: company.tenant.slug, content: company.content },
    meta,
    resolved,
  );
  lap("render");
  await packRenderings(publication.outputs);
  lap("pack");
}

for (const company of companies.slice(0, 200)) await republishOne(company); // warm-up: let the JIT settle
for (const key of Object.keys(stages) as (keyof typeof stages)[]) stages[key] = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
for (let i = 0; i < runs; i++) for (const company of companies) await republishOne(company);
const wall = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const count = runs * companies.length;
const round = (n: number) => Number(n.toFixed(4));
console.log(
  JSON.stringify({
    companies: count,
    msPerCompany: round(wall / count),
    cpuMsPerCompany: round((cpu.user + cpu.system) / 1000 / count),
    stagesMsPerCompany: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v / count)])),
  }),
);
