// Test fixtures that write through the same query and publish code the app uses.
import { DEMO_TENANTS } from "#shared/demo/index.ts";
import { expect } from "vitest";
import type { Baseline, Group, TenantContent } from "#shared/model.ts";
import { findLatestBaselineVersion } from "../db/baselines.ts";
import { findGroupBySlug, findTenant } from "../db/groups.ts";
import type { PublishedSoFar, VersionSummary } from "../db/statements.ts";
import { publishCompanyVersion, type AlongsideOf } from "../publishing/company.ts";
import type { Api } from "./clients.ts";

export const demoContent = (slug: string): TenantContent => {
  const tenant = DEMO_TENANTS.find((t) => t.slug === slug);
  if (!tenant) throw new Error(`no demo tenant ${slug}`);
  return structuredClone(tenant.content);
};

/** Creates a group with one baseline version and the given companies (no published statements). */
export async function createGroup(
  db: D1Database,
  group: Omit<Group, "members">,
  baseline: Baseline,
  companies: { slug: string; name: string; content: TenantContent }[],
  now: string,
): Promise<void> {
  const groupId = "(SELECT id FROM groups WHERE slug = ?1)";
  await db.batch([
    db
      .prepare(
        "INSERT INTO groups (slug, name, languages, default_language, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
      )
      .bind(group.slug, group.name, JSON.stringify(group.languages), group.defaultLanguage, now),
    db
      .prepare(
        `INSERT INTO baseline_versions (group_id, number, content, change_note, published_at) VALUES (${groupId}, 1, ?2, 'v1', ?3)`,
      )
      .bind(group.slug, JSON.stringify(baseline), now),
    ...companies.flatMap((company, position) => [
      db
        .prepare(
          `INSERT INTO tenants (group_id, slug, name, position, created_at) VALUES (${groupId}, ?2, ?3, ?4, ?5)`,
        )
        .bind(group.slug, company.slug, company.name, position, now),
      db
        .prepare(
          `INSERT INTO tenant_drafts (tenant_id, revision, content, updated_at)
           VALUES ((SELECT id FROM tenants WHERE group_id = ${groupId} AND slug = ?2), 1, ?3, ?4)`,
        )
        .bind(group.slug, company.slug, JSON.stringify(company.content), now),
    ]),
  ]);
}

/** Publishes `content` for a company as it would be published at `now`. */
export async function publishAt(
  db: D1Database,
  groupSlug: string,
  tenantSlug: string,
  content: TenantContent,
  now: string,
  options: {
    effectiveFrom?: string;
    changeNote?: string;
    publishedSoFar?: PublishedSoFar;
    alongside?: AlongsideOf;
  } = {},
): Promise<VersionSummary> {
  const group = await findGroupBySlug(db, groupSlug);
  const tenant = group && (await findTenant(db, group.id, tenantSlug));
  const baseline = group && (await findLatestBaselineVersion(db, group.id));
  if (!group || !tenant || !baseline) throw new Error(`no ${groupSlug}/${tenantSlug}`);
  return publishCompanyVersion(
    db,
    { group, baseline },
    {
      tenant,
      content,
      changeNote: options.changeNote ?? "test publish",
      material: true,
      effectiveFrom: options.effectiveFrom,
    },
    { now, actor: null, publishedSoFar: options.publishedSoFar, alongside: options.alongside },
  );
}

/**
 * Publishes, as the privacy lead through the API, a new baseline version whose locked "changes"
 * section gains `note`, and `english` in the English text (the lint refuses Dutch there once there is
 * enough of it): every company that shows the section is then outdated.
 * Answers the publish's answer (201).
 */
export async function publishBaselineWithNote(lead: Api, group: string, note: string, english = note) {
  const res = await lead.api.groups[":group"].baseline.draft.$get({ param: { group } });
  const { baseline } = await res.json();
  const changes = baseline.sections.find((section) => section.key === "changes")!;
  changes.body.nl += `\n\n${note}.`;
  changes.body.en += `\n\n${english}.`;
  const saved = await lead.api.groups[":group"].baseline.draft.$put(
    { param: { group }, json: { baseline } },
    { headers: { "If-Match": res.headers.get("ETag")! } },
  );
  expect(saved.status).toBe(200);
  const published = await lead.api.groups[":group"].baseline.publish.$post({
    param: { group },
    json: { changeNote: note },
  });
  expect(published.status).toBe(201);
  return published.json();
}

/** Bytes compressed as packs were from migration 0018 until 0025: deflate-raw, by CompressionStream. */
export async function compressDeflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  void writer.write(bytes);
  void writer.close();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}
