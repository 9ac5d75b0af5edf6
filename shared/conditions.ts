// Conditional text: a baseline says something only where it is true for the company whose
// statement is rendered ("vestigingen buiten Nederland", transfers outside the EEA, a DPO …).
// The conditions are a closed set of named facts derived from the company's structured details
// and the baseline's group-level settings; text cannot compute anything, so a condition can only
// keep or drop text the author wrote. An unknown name or an unbalanced marker is reported (and
// blocks publishing, like an unknown placeholder).
//
//   {{#if dpo}} … {{/if}}                   kept when the company has a DPO
//   {{#if not dpo}} … {{else}} … {{/if}}    negation, and an alternative
//   {{#if consent or legitimate_interest}}  several names joined by one of "and" / "or"
//
// Markers may stand inside a sentence or on lines of their own. A line that holds only markers,
// or whose text was all dropped, disappears with its line break, so a dropped bullet does not
// split its list and a dropped paragraph leaves no gap.
import * as v from "valibot";
import { isEeaCountry, type Baseline, type TenantContent } from "./model.ts";

export const CONDITIONS = [
  "establishments_abroad",
  "transfers_outside_eea",
  "transfers_scc",
  "dpo",
  "direct_marketing",
  "consent",
  "contract",
  "legal_obligation",
  "vital_interests",
  "public_task",
  "legitimate_interest",
  "special_categories",
  "indirect_collection",
  "cookies",
  "analytics",
  "analytics_with_consent",
  "analytics_without_consent",
  "tracking_cookies",
  "joint_controllers",
] as const;

export const ConditionNameSchema = v.picklist(CONDITIONS, "is not a known condition");
export type ConditionName = v.InferOutput<typeof ConditionNameSchema>;
export type ConditionFacts = Readonly<Record<ConditionName, boolean>>;

/** The facts of one company, from its details and the baseline's group-level settings. */
export function deriveConditionFacts(
  baseline: Pick<Baseline, "jointControllership">,
  content: TenantContent,
): ConditionFacts {
  const { profile, lists } = content;
  const outside = lists.recipients.filter((r) => !isEeaCountry(r.country));
  const bases = new Set(lists.purposes.map((p) => p.legalBasis));
  const analytic = lists.cookies.filter((c) => c.category === "analytic");
  return {
    establishments_abroad:
      profile.address.country !== "NL" || (profile.establishments ?? []).some((e) => e.country !== "NL"),
    transfers_outside_eea: outside.length > 0,
    transfers_scc: outside.some((r) => r.safeguard === "scc" || r.safeguard === "bcr"),
    dpo: profile.dpo !== undefined,
    direct_marketing: lists.purposes.some((p) => p.directMarketing === true),
    consent: bases.has("consent"),
    contract: bases.has("contract"),
    legal_obligation: bases.has("legal_obligation"),
    vital_interests: bases.has("vital_interests"),
    public_task: bases.has("public_task"),
    legitimate_interest: bases.has("legitimate_interest"),
    special_categories: lists.data_categories.some((c) => c.special),
    indirect_collection: lists.data_categories.some((c) => c.source !== undefined),
    cookies: lists.cookies.length > 0,
    analytics: analytic.length > 0,
    analytics_with_consent: analytic.some((c) => c.consent === true),
    analytics_without_consent: analytic.some((c) => c.consent !== true),
    tracking_cookies: lists.cookies.some((c) => c.category === "tracking"),
    joint_controllers: baseline.jointControllership !== undefined,
  };
}

export interface ConditionIssue {
  code: "unknown_condition" | "condition_syntax";
  /** The unknown name, when that is the issue. */
  name?: string;
  message: string;
}

export interface ConditionedText {
  text: string;
  issues: ConditionIssue[];
}

// {{#if …}}, {{else}}, {{/if}} — and any other {{#…}} or {{/…}}, which is reported rather than
// left to be read as a placeholder.
const MARKER = /\{\{\s*(#[^{}\n]*|else|\/[^{}\n]*)\s*\}\}/g;
const MAX_DEPTH = 8;

type Marker =
  | { kind: "open"; start: number; end: number; expression: string }
  | { kind: "else" | "close"; start: number; end: number }
  | { kind: "invalid"; start: number; end: number; written: string };

function findMarkers(source: string): Marker[] {
  const markers: Marker[] = [];
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(source); match !== null; match = MARKER.exec(source)) {
    // A backslash before the braces keeps the marker as text (the Markdown subset drops the backslash).
    if (source[match.index - 1] === "\\") continue;
    const start = match.index;
    const end = start + match[0].length;
    const inner = (match[1] ?? "").trim();
    if (inner === "else") markers.push({ kind: "else", start, end });
    else if (/^\/\s*if$/.test(inner)) markers.push({ kind: "close", start, end });
    else if (/^#if(?:\s|$)/.test(inner))
      markers.push({ kind: "open", start, end, expression: inner.slice(3).trim() });
    else markers.push({ kind: "invalid", start, end, written: match[0] });
  }
  return markers;
}

/** Evaluates "[not] a (and|or) [not] b …"; unknown names count as false and are reported. */
function evaluate(expression: string, facts: ConditionFacts, issues: ConditionIssue[]): boolean {
  const words = expression.split(/\s+/).filter((w) => w !== "");
  const values: boolean[] = [];
  let connector: "and" | "or" | null = null;
  let expectTerm = true;
  let negate = false;
  for (const word of words) {
    if (expectTerm) {
      if (word === "not" && !negate) {
        negate = true;
        continue;
      }
      const parsed = v.safeParse(ConditionNameSchema, word);
      if (!parsed.success) {
        issues.push({
          code: "unknown_condition",
          name: word,
          message: `Unknown condition "${word}" in {{#if ${expression}}}; known conditions: ${CONDITIONS.join(", ")}.`,
        });
        values.push(false);
      } else values.push(facts[parsed.output] !== negate);
      negate = false;
      expectTerm = false;
      continue;
    }
    if ((word === "and" || word === "or") && (connector === null || connector === word)) {
      connector = word;
      expectTerm = true;
      continue;
    }
    issues.push({
      code: "condition_syntax",
      message:
        word === "and" || word === "or"
          ? `{{#if ${expression}}} mixes "and" and "or"; split it into nested conditions.`
          : `{{#if ${expression}}}: expected "and" or "or" before "${word}".`,
    });
    return false;
  }
  if (expectTerm) {
    issues.push({
      code: "condition_syntax",
      message:
        words.length === 0
          ? "{{#if}} needs a condition, e.g. {{#if dpo}}."
          : `{{#if ${expression}}} ends without a condition.`,
    });
    return false;
  }
  return connector === "or" ? values.some(Boolean) : values.every(Boolean);
}

// The same baseline text is settled for every company, language and publication (a rollout does
// it thousands of times): results are kept per text (the text's own string, whose hash V8 keeps)
// and per combination of facts, within a bound so an isolate's memory stays flat.
const applied = new Map<string, Map<string, ConditionedText>>();
const MAX_APPLIED = 2000;
const factKeys = new WeakMap<ConditionFacts, string>();

function keyOf(facts: ConditionFacts): string {
  let key = factKeys.get(facts);
  if (key === undefined) {
    key = CONDITIONS.map((name) => (facts[name] ? "1" : "0")).join("");
    factKeys.set(facts, key);
  }
  return key;
}

/** The text with every condition settled for these facts, and what was wrong with the markers. */
export function applyConditions(source: string, facts: ConditionFacts): ConditionedText {
  if (!source.includes("{{")) return { text: source, issues: [] };
  let byFacts = applied.get(source);
  if (byFacts === undefined) {
    if (applied.size >= MAX_APPLIED) applied.clear();
    byFacts = new Map();
    applied.set(source, byFacts);
  }
  const key = keyOf(facts);
  let result = byFacts.get(key);
  if (result === undefined) {
    result = settle(source, facts);
    if (byFacts.size >= MAX_APPLIED) byFacts.clear();
    byFacts.set(key, result);
  }
  return result.issues.length === 0 ? result : { text: result.text, issues: [...result.issues] };
}

/** Problems with the markers of a text regardless of any company, for an editor checking as they type. */
export function findConditionIssues(source: string): ConditionIssue[] {
  const none = Object.fromEntries(CONDITIONS.map((name) => [name, false])) as Record<ConditionName, boolean>;
  return settle(source, none).issues;
}

function settle(source: string, facts: ConditionFacts): ConditionedText {
  const markers = findMarkers(source);
  if (markers.length === 0) return { text: source, issues: [] };
  const issues: ConditionIssue[] = [];
  const keep = new Uint8Array(source.length).fill(1);
  const frames: { value: boolean; inElse: boolean; outer: boolean }[] = [];
  let active = true;
  let cursor = 0;
  for (const marker of markers) {
    if (!active) keep.fill(0, cursor, marker.start);
    keep.fill(0, marker.start, marker.end);
    cursor = marker.end;
    switch (marker.kind) {
      case "open": {
        const value = evaluate(marker.expression, facts, issues);
        if (frames.length >= MAX_DEPTH) {
          issues.push({
            code: "condition_syntax",
            message: `Conditions are nested deeper than ${MAX_DEPTH}.`,
          });
        }
        frames.push({ value, inElse: false, outer: active });
        active = active && value;
        break;
      }
      case "else": {
        const frame = frames.at(-1);
        if (frame === undefined || frame.inElse) {
          issues.push({
            code: "condition_syntax",
            message: frame === undefined ? "{{else}} without {{#if}}." : "A second {{else}} in one {{#if}}.",
          });
          break;
        }
        frame.inElse = true;
        active = frame.outer && !frame.value;
        break;
      }
      case "close": {
        const frame = frames.pop();
        if (frame === undefined)
          issues.push({ code: "condition_syntax", message: "{{/if}} without {{#if}}." });
        else active = frame.outer;
        break;
      }
      case "invalid":
        issues.push({
          code: "condition_syntax",
          message: `${marker.written} is not a condition marker; use {{#if name}}, {{else}} and {{/if}}.`,
        });
        break;
    }
  }
  if (!active) keep.fill(0, cursor);
  if (frames.length > 0) {
    issues.push({ code: "condition_syntax", message: `${frames.length} {{#if}} without {{/if}}.` });
  }
  return { text: joinKeptLines(source, keep), issues };
}

/** The kept characters, leaving out lines that had text but kept none (and their line breaks). */
function joinKeptLines(source: string, keep: Uint8Array): string {
  let out = "";
  let start = 0;
  while (start <= source.length) {
    const newline = source.indexOf("\n", start);
    const end = newline === -1 ? source.length : newline;
    let line = "";
    for (let i = start; i < end; i++) if (keep[i] === 1) line += source[i];
    const hadText = source.slice(start, end).trim() !== "";
    if (!(hadText && line.trim() === "")) {
      out += line;
      if (newline !== -1 && keep[newline] === 1) out += "\n";
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return out;
}
