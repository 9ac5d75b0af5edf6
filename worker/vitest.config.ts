import { readFile } from "node:fs/promises";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { transformWithOxc } from "vite";
import { defineConfig } from "vitest/config";

// The webhook tests' receiving website: a worker of its own. Vite does not transform auxiliary
// workers, so the receiver and the sign.ts it imports are handed over as JavaScript.
const compileWebhookReceiver = () =>
  Promise.all(
    ["worker/test/webhook-receiver.ts", "worker/webhooks/sign.ts"].map(async (path) => ({
      type: "ESModule" as const,
      path,
      contents: (await transformWithOxc(await readFile(path, "utf8"), path)).code,
    })),
  );

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations("./migrations"),
          // A statement written for the import tests (shared/import/fixtures), in JCC Software's style.
          IMPORT_STATEMENT_JCC: await readFile("shared/import/fixtures/jcc.txt", "utf8"),
        },
        serviceBindings: { WEBHOOK_RECEIVER: "webhook-receiver" },
        workers: [
          {
            name: "webhook-receiver",
            modules: await compileWebhookReceiver(),
            compatibilityDate: "2026-11-01",
          },
        ],
      },
    })),
  ],
  test: {
    name: "worker",
    include: ["worker/**/*.test.ts"],
    setupFiles: ["worker/test/apply-migrations.ts"],
  },
});
