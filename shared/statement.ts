// The resolved statement: what the engine produces from a baseline and a tenant, and what
// every renderer consumes. Author text is kept as a small document tree, never as HTML, so
// renderers decide how each node is written and nothing the author typed becomes markup.
import type { Group, Language, OverrideMode, TenantContent } from "./model.ts";

export type Inline =
  | { type: "text"; value: string }
  | { type: "strong"; children: Inline[] }
  | { type: "em"; children: Inline[] }
  | { type: "link"; href: string; children: Inline[] }
  /** A placeholder without a value: reported as a problem and rendered as a visible gap marker. */
  | { type: "missing"; name: string };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; items: Inline[][] }
  | { type: "table"; head: string[]; rows: Inline[][][] };

export interface ResolvedSection {
  key: string;
  title: string;
  /** inherit/append/replace for baseline sections; "own" for a section the tenant added. */
  mode: Exclude<OverrideMode, "omit"> | "own";
  blocks: Block[];
}

export type ProblemCode =
  | "missing_value"
  | "unknown_placeholder"
  | "override_not_allowed"
  | "override_incomplete"
  | "unknown_section"
  | "duplicate_section"
  | "missing_translation"
  | "unknown_condition"
  | "condition_syntax";

export interface Problem {
  code: ProblemCode;
  /** The section the problem is in, when it is in one. */
  section?: string;
  /** The placeholder or field concerned, when there is one. */
  field?: string;
  message: string;
}

export interface ResolvedStatement {
  language: Language;
  title: string;
  group: { slug: string; name: string };
  tenant: { slug: string; name: string };
  sections: ResolvedSection[];
  problems: Problem[];
}

/** What the engine needs to know about the tenant beyond its own content. */
export interface TenantContext {
  group: Group;
  slug: string;
  content: TenantContent;
}

/** Facts about a published (or previewed) version that renderers print. */
export interface VersionMeta {
  version: number;
  /** ISO 8601, UTC, e.g. 2026-11-22T10:00:00.000Z */
  publishedAt: string;
  effectiveFrom: string;
  baselineVersion: number;
  /** SHA-256 (hex) of the resolved content in every language; see hashStatementContent. */
  contentHash: string;
  /** The languages this version is published in, for the page's language switch (not hashed). */
  languages?: readonly Language[];
}
