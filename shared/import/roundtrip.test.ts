import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEMO_BASELINE, DEMO_GROUP, DEMO_TENANTS } from "../demo/index.ts";
import { renderText, resolveStatement, validateOverrides } from "../engine.ts";
import { renderAuthorText } from "../markdown.ts";
import type { DataCategory, Language, LocalizedLine, OwnSection, TenantContent } from "../model.ts";
import { renderBlocksText } from "../render/text.ts";
import { planImport } from "./apply.ts";
import { writePieces } from "./pieces.ts";
import { proposeImport } from "./propose.ts";

const t = (nl: string, en: string): LocalizedLine => ({ nl, en });

// Own-section titles that name no baseline section; sentences with Markdown, URLs and
// placeholders, so escaping and links are exercised on the way back.
const OWN_TITLES = [
  t("Camerabeelden", "Camera footage"),
  t("Sollicitaties", "Job applications"),
  t("Beveiliging", "Security"),
  t("Datalekken", "Data breaches"),
  t("Klantenportaal", "Customer portal"),
  t("Social media", "Social media"),
];
const SENTENCES = [
  t("Wij bewaren camerabeelden vier weken.", "We keep camera footage for four weeks."),
  t(
    "Sessiecookies zoals *jcc_session* en _ga_ABC verlopen snel.",
    "Session cookies such as *jcc_session* and _ga_ABC expire soon.",
  ),
  t(
    "Meer informatie: https://www.example.com/privacy_policy.",
    "More information: https://www.example.com/privacy_policy.",
  ),
  t(
    "Vragen? Mail {{company.email}} of bel {{company.phone}}.",
    "Questions? Email {{company.email}} or call {{company.phone}}.",
  ),
  t(
    "Dit geldt voor **alle** bezoekers van {{company.name}}.",
    "This applies to **all** visitors of {{company.name}}.",
  ),
  t(
    "- Eerste punt\n- Tweede punt met [een link](https://example.org)",
    "- First point\n- Second point with [a link](https://example.org)",
  ),
];
// Retention headings an editor might use instead of the baseline's, recognised by cue.
const RETENTION_TITLES = [
  t("Hoe lang bewaren wij uw gegevens?", "How long do we keep your data?"),
  t("Bewaartermijnen", "Retention periods"),
  t("Bewaren van gegevens", "Storage period"),
];
const APPENDABLE = ["introduction", "data_categories", "purposes", "legal_basis", "recipients", "cookies"];

const body = fc.subarray(SENTENCES, { minLength: 1, maxLength: 3 }).map((lines) => ({
  nl: lines.map((l) => l.nl).join("\n\n"),
  en: lines.map((l) => l.en ?? l.nl).join("\n\n"),
}));

const variation = fc.record({
  tenant: fc.constantFrom(...DEMO_TENANTS),
  language: fc.constantFrom<Language>("nl", "en"),
  keep: fc.record({
    data_categories: fc.boolean(),
    purposes: fc.boolean(),
    retention: fc.boolean(),
    recipients: fc.boolean(),
    cookies: fc.boolean(),
  }),
  appended: fc.dictionary(fc.constantFrom(...APPENDABLE), body, { maxKeys: 3 }),
  retention: fc.option(fc.record({ title: fc.option(fc.constantFrom(...RETENTION_TITLES)), body }), {
    nil: undefined,
  }),
  omitChanges: fc.boolean(),
  own: fc.uniqueArray(
    fc.record({
      title: fc.constantFrom(...OWN_TITLES),
      after: fc.constantFrom(...DEMO_BASELINE.sections.map((s) => s.key)),
      body,
    }),
    { selector: (o) => o.title.nl, maxLength: 3 },
  ),
});

type Variation = typeof variation extends fc.Arbitrary<infer T> ? T : never;

function createVariedContent(v: Variation): TenantContent {
  const base = structuredClone(v.tenant.content);
  const lists = { ...base.lists };
  for (const key of Object.keys(v.keep) as (keyof typeof v.keep)[]) if (!v.keep[key]) lists[key] = [];
  const overrides: TenantContent["overrides"] = {};
  for (const [key, text] of Object.entries(v.appended)) overrides[key] = { mode: "append", body: text };
  if (v.retention !== undefined) {
    overrides.retention = {
      mode: "replace",
      body: v.retention.body,
      ...(v.retention.title === null ? {} : { title: v.retention.title }),
    };
  }
  if (v.omitChanges) overrides.changes = { mode: "omit" };
  const ownSections: OwnSection[] = v.own.map((o, i) => ({
    key: `extra_${i}`,
    title: o.title,
    body: o.body,
    after: o.after,
  }));
  return { ...base, lists, overrides, ownSections: [...base.ownSections, ...ownSections] };
}
const squash = (text: string): string => text.replace(/\s+/g, " ").trim();

describe("importing a rendered statement", () => {
  it("gives back the same sections, in order, with the same text", () => {
    fc.assert(
      fc.property(variation, (v) => {
        const content = createVariedContent(v);
        const statement = resolveStatement(
          DEMO_BASELINE,
          { group: DEMO_GROUP, slug: v.tenant.slug, content },
          v.language,
        );
        expect(statement.problems).toEqual([]);
        const proposal = proposeImport({ text: renderText(statement, null), format: "text" }, DEMO_BASELINE, {
          group: DEMO_GROUP,
          company: { slug: v.tenant.slug, name: v.tenant.name },
          draft: content,
        });

        expect(proposal.title).toBe(statement.title);
        expect(proposal.language).toBe(v.language);
        // Baseline sections come back under their key. The company's own sections come back as
        // own sections, or — read by their content — under the baseline section they are about.
        proposal.sections.forEach((section, i) => {
          const original = statement.sections[i];
          if (original?.mode !== "own") expect(section.key).toBe(original?.key);
        });
        expect(proposal.sections.map((s) => s.heading)).toEqual(statement.sections.map((s) => s.title));
        proposal.sections.forEach((section, i) => {
          const original = statement.sections[i];
          if (original === undefined) throw new Error("section count differs");
          const imported = renderBlocksText(
            renderAuthorText(writePieces(section.pieces), () => null),
            v.language,
          );
          expect(squash(imported), original.key).toBe(squash(renderBlocksText(original.blocks, v.language)));
        });
        // Merged back into the company's own draft, nothing is held back, nothing is added twice,
        // and it stays within the baseline's policies.
        const plan = planImport(content, proposal);
        expect(plan.placement.held).toEqual([]);
        // Its text is all in the draft already: no section changes. The lists keep every item, and
        // may gain one the text names that the list lacked (a cookie mentioned in an own section).
        expect({ ...plan.content, lists: content.lists }).toEqual(content);
        for (const list of Object.keys(content.lists) as (keyof typeof content.lists)[])
          expect(plan.content.lists[list].slice(0, content.lists[list].length)).toEqual(content.lists[list]);
        expect(validateOverrides(DEMO_BASELINE, plan.content)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it.each(
    DEMO_TENANTS.flatMap((tenant) =>
      (["nl", "en"] as const).map((language) => [tenant.slug, language, tenant] as const),
    ),
  )("recognises %s (%s) as it is", (_slug, language, tenant) => {
    const statement = resolveStatement(
      DEMO_BASELINE,
      { group: DEMO_GROUP, slug: tenant.slug, content: tenant.content },
      language,
    );
    const proposal = proposeImport({ text: renderText(statement, null), format: "text" }, DEMO_BASELINE, {
      group: DEMO_GROUP,
      company: { slug: tenant.slug, name: tenant.name },
      draft: tenant.content,
    });
    const suggested = (field: string) => proposal.suggestions.find((s) => s.field === field)?.value;
    expect(suggested("tradeName")).toBe(tenant.content.profile.tradeName);
    expect(suggested("email")).toBe(tenant.content.profile.email);
    expect(suggested("website")).toBe(tenant.content.profile.website);
    expect(suggested("kvkNumber")).toBe(tenant.content.profile.kvkNumber);
    expect(suggested("legalName")).toBe(tenant.content.profile.legalName);
    const plan = planImport(tenant.content, proposal);
    // Its own text comes back as what the draft already says: the draft does not change.
    expect(plan.content).toEqual(tenant.content);
    const summarize = (c: DataCategory): unknown => [c.name[language], c.source?.[language], c.special];
    // The items of the section that holds the list (the text may name more elsewhere, in prose).
    const found = (list: "data_categories" | "retention"): unknown[] =>
      proposal.found
        .filter((f) => f.list === list && proposal.sections[f.source.section]?.key === list)
        .map((f) => f.item);
    expect(found("data_categories").map((c) => summarize(c as DataCategory))).toEqual(
      tenant.content.lists.data_categories.map(summarize),
    );
    expect(found("retention").map((r) => (r as { period?: unknown }).period)).toEqual(
      tenant.content.lists.retention.map((r) => r.period),
    );
    // The categories a rule covers come back by name (in the statement's language).
    if (language === "nl")
      expect(found("retention").map((r) => (r as { categories?: unknown }).categories)).toEqual(
        tenant.content.lists.retention.map((r) => r.categories),
      );
  });
});
