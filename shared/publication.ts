// Everything a published version consists of, computed in one pure function so that the
// worker's publish and the console's preview produce byte-identical output.
import type { Baseline, Language } from "./model.ts";
import type { Problem, ResolvedStatement, TenantContext, VersionMeta } from "./statement.ts";
import {
  hashStatementContent,
  renderHtmlFragment,
  renderHtmlPage,
  renderJson,
  renderMarkdown,
  renderText,
  resolveStatement,
  sha256Hex,
} from "./engine.ts";

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
  /** SHA-256 (hex) of the body: the representation's strong ETag. */
  bodyHash: string;
}

export interface Publication {
  contentHash: string;
  statements: ResolvedStatement[];
  problems: Problem[];
  outputs: RenderedOutput[];
}

/** Resolves the statement in each of the group's languages and renders every format. */
export function preparePublication(
  baseline: Baseline,
  tenant: TenantContext,
  meta: Omit<VersionMeta, "contentHash">,
): Publication {
  const statements = tenant.group.languages.map((language) => resolveStatement(baseline, tenant, language));
  const contentHash = hashStatementContent(statements);
  const fullMeta: VersionMeta = { ...meta, contentHash };
  const outputs: RenderedOutput[] = [];
  for (const statement of statements) {
    for (const format of RENDER_FORMATS) {
      const body = RENDERERS[format](statement, fullMeta);
      outputs.push({ language: statement.language, format, body, bodyHash: sha256Hex(body) });
    }
  }
  return {
    contentHash,
    statements,
    problems: dedupeProblems(statements.flatMap((s) => s.problems)),
    outputs,
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
