// What stops a publish at the gate (worker/completeness.ts, gatePublish), as one line of English:
// the API's error message says it, and a rollout run records it for each company it left alone.
// Written and read here, in one place, so that the console can say it in the reader's language
// with the checklist's and the lint's own titles, and falls back to the line itself otherwise.
import { CHECKLIST } from "./completeness/checklist.ts";
import { LINT_RULE_IDS, LINT_RULES } from "./lint/rules.ts";
import type { Language } from "./model.ts";

/** The AVG items missing (checklist ids) and the legal errors (lint rule, section key or null). */
export interface GateStop {
  missing: string[];
  errors: { rule: string; section: string | null }[];
}

const MISSING = /misses what the AVG requires \(([A-Z0-9_]+(?:, [A-Z0-9_]+)*)\)/;
const ERRORS = /has legal errors \(([a-z0-9_]+ in [a-z0-9_-]+(?:, [a-z0-9_]+ in [a-z0-9_-]+)*)\)/;

/** "misses what the AVG requires (A, B) and has legal errors (rule in section, …)". */
export function writeGateStop(stop: GateStop): string {
  const errors = [...new Set(stop.errors.map((e) => `${e.rule} in ${e.section ?? "statement"}`))];
  return [
    stop.missing.length > 0 ? `misses what the AVG requires (${stop.missing.join(", ")})` : "",
    errors.length > 0 ? `has legal errors (${errors.join(", ")})` : "",
  ]
    .filter((part) => part !== "")
    .join(" and ");
}

/** What a message written with writeGateStop says; null when it says neither. */
export function readGateStop(message: string): GateStop | null {
  const missing = MISSING.exec(message)?.[1]?.split(", ") ?? [];
  const errors = (ERRORS.exec(message)?.[1]?.split(", ") ?? []).map((part) => {
    const [rule, section] = part.split(" in ") as [string, string];
    return { rule, section: section === "statement" ? null : section };
  });
  return missing.length === 0 && errors.length === 0 ? null : { missing, errors };
}

/**
 * The gate's reason for a reader of `language`, with the checklist's and the lint's own titles
 * and the sections' titles; null when `reason` is not the gate's (say it as it is then).
 */
export function describeGateStop(
  reason: string,
  language: Language,
  sectionTitle: (key: string) => string,
): string | null {
  const stop = readGateStop(reason);
  if (!stop) return null;
  const say = (text: { nl: string; en?: string | undefined }) =>
    language === "en" ? (text.en ?? text.nl) : text.nl;
  const quote = (text: { nl: string; en?: string | undefined } | undefined, fallback: string) =>
    `„${text ? say(text) : fallback}”`;
  const missing = stop.missing.map((id) => quote(CHECKLIST.find((item) => item.id === id)?.title, id));
  const errors = stop.errors.map((e) => {
    const id = LINT_RULE_IDS.find((known) => known === e.rule);
    const rule = quote(id && LINT_RULES[id].title, e.rule);
    return e.section ? `${rule} in „${sectionTitle(e.section)}”` : rule;
  });
  return [
    missing.length > 0
      ? say({ nl: "ontbreekt wat de AVG vraagt: ", en: "misses what the GDPR requires: " }) +
        missing.join(", ")
      : "",
    errors.length > 0 ? say({ nl: "juridische fout: ", en: "legal error: " }) + errors.join(", ") : "",
  ]
    .filter((part) => part !== "")
    .join("; ");
}
