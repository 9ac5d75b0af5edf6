// A real Chromium for browser tests: CHROME_PATH, else Debian's, else the one shipped on npm.
import { existsSync, mkdirSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function findChromium(): Promise<string> {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const { default: sparticuz } = await import("@sparticuz/chromium");
  return sparticuz.executablePath();
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await findChromium(), args: FLAGS, headless: true });
}

/** Screenshots are kept as test artifacts for a person to look at. */
export function artifactPath(name: string): string {
  mkdirSync("test-artifacts", { recursive: true });
  return `test-artifacts/${name}.png`;
}
