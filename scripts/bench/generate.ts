// Bench data: adds N generated companies to the Conxillium demo group of a prepared local D1, each
// with a draft and a published version 1, through the worker's own code (prepareCompanyVersion and the
// audit chain), batched so that 1,000 companies take seconds. Run it while nothing else has the
// database open. Usage: node scripts/bench/generate.ts --persist-to DIR [--count 1000]
// (DIR as given to prepareLocalDatabase / `wrangler --persist-to`); prints one JSON line.
import { DEMO_GROUP } from "#shared/demo/index.ts";
import { findLatestBaselineVersion } from "../../worker/db/baselines.ts";
import { findGroupBySlug, listTenants } from "../../worker/db/groups.ts";
import { prepareCompanyVersion, writePreparedVersions } from "../../worker/publishing/company.ts";
import { GENERATED_PREFIX, generatedCompany, generatedContent } from "./generated-companies.ts";
import { findLocalD1File, openSqliteD1 } from "./sqlite-d1.ts";

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const persistTo = argument("--persist-to");
const count = Number(argument("--count") ?? 1000);
if (!persistTo || !Number.isInteger(count) || count < 1) {
  console.error("usage: node scripts/bench/generate.ts --persist-to DIR [--count N]");
  process.exit(2);
}

const { db, close } = openSqliteD1(findLocalD1File(persistTo));
try {
  const started = performance.now();
  const before = await findGroupBySlug(db, DEMO_GROUP.slug);
  if (!before) throw new Error("the demo group is missing: seed the database first");
  if (before.group.members.some((m) => m.slug.startsWith(GENERATED_PREFIX))) {
    throw new Error("this database already holds generated companies");
  }
  const now = new Date().toISOString();
  const companies = Array.from({ length: count }, (_, i) => ({
    ...generatedCompany(i),
    position: before.group.members.length + i,
    content: generatedContent(i),
  }));

  // Companies and their drafts: two statements each, 200 companies per batch.
  for (let start = 0; start < companies.length; start += 200) {
    await db.batch(
      companies.slice(start, start + 200).flatMap((company) => [
        db
          .prepare(
            "INSERT INTO tenants (group_id, slug, name, position, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
          )
          .bind(before.id, company.slug, company.name, company.position, now),
        db
          .prepare(
            `INSERT INTO tenant_drafts (tenant_id, revision, content, updated_at)
             VALUES ((SELECT id FROM tenants WHERE group_id = ?1 AND slug = ?2), 1, ?3, ?4)`,
          )
          .bind(before.id, company.slug, JSON.stringify(company.content), now),
      ]),
    );
  }
  const inserted = performance.now();

  // Version 1 of each, rendered by the worker's publish code with the group as it now is; the
  // versions, renderings and audit rows of 100 companies go in one transaction.
  // Rendered as the bench's worker will (wrangler.toml's PUBLIC_ORIGIN): a group this large links to
  // its public page of companies instead of naming them all.
  const group = (await findGroupBySlug(db, DEMO_GROUP.slug, process.env.PUBLIC_ORIGIN))!;
  const baseline = await findLatestBaselineVersion(db, group.id);
  if (!baseline) throw new Error("the demo group has no baseline");
  const tenants = new Map((await listTenants(db, group.id)).map((t) => [t.slug, t]));
  let published = 0;
  for (let start = 0; start < companies.length; start += 100) {
    const prepared = await Promise.all(
      companies.slice(start, start + 100).map((company) =>
        prepareCompanyVersion(
          db,
          { group, baseline },
          {
            tenant: tenants.get(company.slug)!,
            content: company.content,
            changeNote: "Eerste publicatie van de privacyverklaring.",
            material: true,
          },
          { now, actor: null },
        ),
      ),
    );
    await writePreparedVersions(db, prepared);
    published += prepared.length;
  }
  const done = performance.now();
  console.log(
    JSON.stringify({
      companies: count,
      published,
      groupMembers: group.group.members.length,
      insertMs: Math.round(inserted - started),
      publishMs: Math.round(done - inserted),
    }),
  );
} finally {
  close();
}
