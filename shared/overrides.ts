// Checks a tenant's overrides and own sections against the baseline's policies. The messages
// are meant for the person editing the statement, so they name the section and the policy.
import { ALLOWED_MODES, type Baseline, type OverrideMode, type Policy, type TenantContent } from "./model.ts";

export interface OverrideViolation {
  section: string;
  policy?: Policy;
  mode?: OverrideMode;
  code: "override_not_allowed" | "override_incomplete" | "unknown_section" | "duplicate_section";
  message: string;
}

export function validateOverrides(baseline: Baseline, content: TenantContent): OverrideViolation[] {
  const violations: OverrideViolation[] = [];
  const policies = new Map(baseline.sections.map((s) => [s.key, s.policy] as const));
  for (const section of baseline.sections) {
    const override = Object.hasOwn(content.overrides, section.key)
      ? content.overrides[section.key]
      : undefined;
    if (override === undefined) continue;
    const { key, policy } = section;
    const { mode } = override;
    if (!ALLOWED_MODES[policy].includes(mode)) {
      violations.push({
        section: key,
        policy,
        mode,
        code: "override_not_allowed",
        message: `Section "${key}" is ${policy}: only ${listModes(ALLOWED_MODES[policy])} ${ALLOWED_MODES[policy].length === 1 ? "is" : "are"} allowed, not ${mode}.`,
      });
    } else if ((mode === "append" || mode === "replace") && (override.body?.nl ?? "").trim() === "") {
      violations.push({
        section: key,
        policy,
        mode,
        code: "override_incomplete",
        message: `Section "${key}" (${policy}) is set to ${mode} but has no Dutch text to ${mode === "append" ? "add" : "use instead"}.`,
      });
    }
  }
  for (const key of Object.keys(content.overrides).sort()) {
    if (policies.has(key)) continue;
    violations.push({
      section: key,
      mode: content.overrides[key]?.mode,
      code: "unknown_section",
      message: `Override for section "${key}" has no matching section in the baseline.`,
    });
  }
  const ownKeys = new Set<string>();
  for (const own of content.ownSections) {
    if (policies.has(own.key) || ownKeys.has(own.key)) {
      const other = policies.has(own.key) ? "a baseline section" : "another own section";
      violations.push({
        section: own.key,
        code: "duplicate_section",
        message: `Own section "${own.key}" has the same key as ${other}; it is left out.`,
      });
      continue;
    }
    ownKeys.add(own.key);
    if (!policies.has(own.after)) {
      violations.push({
        section: own.key,
        code: "unknown_section",
        message: `Own section "${own.key}" is placed after "${own.after}", which is not a baseline section; it is shown at the end.`,
      });
    }
  }
  return violations;
}

function listModes(modes: readonly OverrideMode[]): string {
  if (modes.length <= 1) return modes.join("");
  return `${modes.slice(0, -1).join(", ")} or ${modes[modes.length - 1] ?? ""}`;
}
