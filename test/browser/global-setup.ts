// Starts the real worker (wrangler dev) on a free port against a throw-away local D1 with the demo seeded.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
// @ts-expect-error: plain ESM helper shared with `npm start`, no type declarations.
import { prepareLocalDatabase, startWranglerDev } from "../../scripts/local-server.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  const persistTo = mkdtempSync(join(tmpdir(), "verklaring-browser-"));
  prepareLocalDatabase(persistTo);
  const port = await findFreePort();
  const server = await startWranglerDev({ port, persistTo, quiet: true });
  project.provide("baseURL", `http://127.0.0.1:${port}`);
  return () => {
    server.stop();
    rmSync(persistTo, { recursive: true, force: true });
  };
}
