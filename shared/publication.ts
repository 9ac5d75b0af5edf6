// Everything a published version consists of, computed in one pure function so that the
// worker's publish and the console's preview produce byte-identical output.
import type { Baseline, Language } from "./model.ts";
import type { Problem, ResolvedStatement, TenantContext, VersionMeta } from "./statement.ts";
import { digestBytesSha256Hex } from "./hash.ts";
import {
  digestStatementContent,
  renderHtmlFragment,
  renderHtmlPage,
  renderJson,
  renderMarkdown,
  renderText,
  resolveStatement,
} from "./engine.ts";

const encoder = new TextEncoder();

export const RENDERERS = {
  html: renderHtmlPage,
  fragment: renderHtmlFragment,
  json: renderJson,
  md: renderMarkdown,
  txt: renderText,
} as const satisfies Record<string, (s: ResolvedStatement, meta: VersionMeta | null) => string>;

export type RenderFormat = keyof typeof RENDERERS;
export const RENDER_FORMATS = Object.keys(RENDERERS) as RenderFormat[];

export interface RenderedOutput {
  language: Language;
  format: RenderFormat;
  body: string;
  /** The body in UTF-8: what is hashed, stored and served. */
  bytes: Uint8Array;
  /** SHA-256 (hex) of the body: the representation's strong ETag. */
  bodyHash: string;
}

export interface ResolvedPublication {
  /** One per group language, in the group's order. */
  statements: ResolvedStatement[];
  problems: Problem[];
}

/** A resolved publication whose content hash the caller already computed (a rollout compares it first). */
export interface HashedPublication extends ResolvedPublication {
  contentHash: string;
}

export interface Publication extends ResolvedPublication {
  contentHash: string;
  outputs: RenderedOutput[];
}

/** The statement in each of the group's languages and what blocks publishing it: no rendering. */
export function resolvePublication(baseline: Baseline, tenant: TenantContext): ResolvedPublication {
  const statements = tenant.group.languages.map((language) => resolveStatement(baseline, tenant, language));
  return { statements, problems: dedupeProblems(statements.flatMap((s) => s.problems)) };
}

/**
 * Resolves the statement in each of the group's languages (unless the caller already did, from
 * the same baseline and tenant), renders every format and hashes it all.
 */
export async function preparePublication(
  baseline: Baseline,
  tenant: TenantContext,
  meta: Omit<VersionMeta, "contentHash">,
  resolved: ResolvedPublication | HashedPublication = resolvePublication(baseline, tenant),
): Promise<Publication> {
  const { statements, problems } = resolved;
  const contentHash =
    "contentHash" in resolved ? resolved.contentHash : await digestStatementContent(statements);
  const fullMeta: VersionMeta = { ...meta, contentHash, languages: statements.map((s) => s.language) };
  const rendered = statements.flatMap((statement) =>
    RENDER_FORMATS.map((format) => ({
      language: statement.language,
      format,
      body: RENDERERS[format](statement, fullMeta),
    })),
  );
  // Encoded once: the same bytes are hashed here and packed for storage (worker/storage).
  const encoded = rendered.map((output) => encoder.encode(output.body));
  const hashes = await Promise.all(encoded.map(digestBytesSha256Hex));
  return {
    contentHash,
    statements,
    problems,
    outputs: rendered.map((output, i) => ({ ...output, bytes: encoded[i]!, bodyHash: hashes[i]! })),
  };
}

// The same missing value shows up once per language; report it once.
function dedupeProblems(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.section ?? ""}|${p.field ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
