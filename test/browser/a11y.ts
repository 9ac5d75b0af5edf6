// Accessibility checks with axe-core inside the real page. axe is evaluated through the DevTools
// protocol, so the console's strict CSP (no inline scripts) stays on while it runs.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { artifactPath } from "./chromium.ts";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Fails on any serious or critical axe violation — and on any violation of the rules in `alsoFail`,
 * whatever its impact — and keeps a screenshot of the screen.
 */
export async function checkScreen(page: Page, name: string, alsoFail: readonly string[] = []): Promise<void> {
  await page.screenshot({ path: artifactPath(name), fullPage: true });
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || alsoFail.includes(v.id))
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${name}`).toEqual([]);
}
