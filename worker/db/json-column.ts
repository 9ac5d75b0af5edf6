// JSON columns: written from values the API validated against their valibot schemas in shared/,
// and guarded by CHECK (json_valid(…)) in SQL. Reading one back is the one place that trusts that
// and names the type, instead of a `JSON.parse(…) as T` in every row mapper.
import type { StatementSections } from "#shared/diff.ts";
import type { LeadContact } from "#shared/api-schemas.ts";
import type { Baseline, Language, Recipient, TenantContent } from "#shared/model.ts";

export interface JsonColumn<T> {
  read(text: string): T;
  write(value: T): string;
}

const jsonColumn = <T>(): JsonColumn<T> => ({
  read: (text) => JSON.parse(text) as T,
  write: (value) => JSON.stringify(value),
});

export const tenantContentColumn = jsonColumn<TenantContent>();
export const baselineColumn = jsonColumn<Baseline>();
export const languagesColumn = jsonColumn<Language[]>();
export const recipientColumn = jsonColumn<Recipient>();
export const leadContactColumn = jsonColumn<LeadContact>();
/** A company's websites (tenants.websites). */
export const urlListColumn = jsonColumn<string[]>();
/** Companies by address and name, as SQL's json_group_array(json_object('slug', …, 'name', …)) writes them. */
export const namedCompaniesColumn = jsonColumn<{ slug: string; name: string }[]>();
/** A version named by number and the moment it took effect. */
export const versionRefColumn = jsonColumn<{ number: number; effectiveFrom: string }>();

/** A privacy lead's written reason and what it published over (worker/completeness.ts gatePublish). */
export interface PublishOverride {
  reason: string;
  /** Checklist item ids (shared/completeness/checklist.ts). */
  completeness: string[];
  /** Lint rule ids (shared/lint/rules.ts). */
  lint: string[];
}
export const publishOverrideColumn = jsonColumn<PublishOverride>();

/** The part of a stored JSON rendering (shared/render/json.ts) that comparisons read. */
export interface JsonRenderingSections {
  title: string;
  group: { slug: string; name: string };
  tenant: { slug: string; name: string };
  sections: StatementSections;
}
export const jsonRenderingColumn = jsonColumn<JsonRenderingSections>();
