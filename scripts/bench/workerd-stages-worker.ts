// The worker that scripts/bench/workerd-stages.mjs runs in Miniflare: each stage of a company's
// republish (what worker/publishing/rollout-run.ts does per company outside D1) for generated
// companies, in turn, so that what the checks remember by text churns as in a real rollout.
// GET /?stage=all&n=1000 runs the stage n times; the caller times the request (a Worker's own
// clock does not move while it computes).
import { DEMO_BASELINE } from "#shared/demo/index.ts";
import { digestStatementContent } from "#shared/hash.ts";
import {
  preparePublication,
  resolvePublication,
  type HashedPublication,
  type Publication,
} from "#shared/publication.ts";
import { assessContent } from "../../worker/completeness.ts";
import { packRenderings } from "../../worker/storage/rendering-packs.ts";
import {
  generatedTenants,
  LARGE_GROUP,
  LARGE_GROUP_RECORD,
  REPUBLISHED_META,
} from "./generated-companies.ts";

/** Companies taken in turn; more than the checks' memory of texts holds (remember.ts). */
const COMPANIES = 300;

// The group as the worker reads it from D1: the first 101 names and the count (findGroupBySlug).
const group = {
  ...LARGE_GROUP,
  members: LARGE_GROUP.members.slice(0, 101),
  memberCount: LARGE_GROUP.members.length,
};
const record = { ...LARGE_GROUP_RECORD, group };
const companies = generatedTenants(COMPANIES);
const meta = REPUBLISHED_META;

const resolve = (i: number) => {
  const company = companies[i]!;
  return resolvePublication(DEMO_BASELINE, { group, slug: company.tenant.slug, content: company.content });
};
/** Resolved, with the content hash, as assessTenant hands it on. */
const resolveAndHash = async (i: number): Promise<HashedPublication> => {
  const resolved = resolve(i);
  return { ...resolved, contentHash: await digestStatementContent(resolved.statements) };
};
const render = (i: number, hashed: HashedPublication): Promise<Publication> => {
  const company = companies[i]!;
  return preparePublication(
    DEMO_BASELINE,
    { group, slug: company.tenant.slug, content: company.content },
    meta,
    hashed,
  );
};
// Packing reads renderings made beforehand, so that its time is its own.
const rendered: Publication[] = [];

/** Each stage answers a number, so that nothing it computes can be left out as unused. */
const STAGES: Record<string, (i: number) => Promise<number> | number> = {
  /** Resolving both languages, without rendering. */
  resolve: (i) => resolve(i).statements.length,
  /** Resolving and the content hash, as assessTenant does. */
  hash: async (i) => (await resolveAndHash(i)).contentHash.length,
  /** Resolving and the publish gate (completeness and legal lint). */
  gate: (i) => {
    const company = companies[i]!;
    const assessment = assessContent(record, company.tenant, DEMO_BASELINE, company.content, resolve(i));
    return assessment.findings.length + assessment.lint.length;
  },
  /** Resolving, the content hash, and rendering and hashing the ten renderings. */
  render: async (i) => (await render(i, await resolveAndHash(i))).outputs.length,
  /** Packing and compressing the ten renderings. */
  pack: async (i) => {
    rendered[i] ??= await render(i, await resolveAndHash(i));
    return (await packRenderings(rendered[i].outputs)).packs.length;
  },
  /** All of it, as a rollout does it per company. */
  all: async (i) => {
    const company = companies[i]!;
    const hashed = await resolveAndHash(i);
    const gate = assessContent(record, company.tenant, DEMO_BASELINE, company.content, hashed);
    const publication = await render(i, hashed);
    return gate.findings.length + (await packRenderings(publication.outputs)).packs.length;
  },
};

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const stage = STAGES[url.searchParams.get("stage") ?? ""];
    if (!stage) return new Response(`stages: ${Object.keys(STAGES).join(", ")}`, { status: 400 });
    const runs = Number(url.searchParams.get("n") ?? COMPANIES);
    let answer = 0;
    for (let k = 0; k < runs; k++) answer += await stage(k % COMPANIES);
    return new Response(String(answer));
  },
};
