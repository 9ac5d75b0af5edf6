import { readFile } from "node:fs/promises";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { transformWithOxc } from "vite";
import { defineConfig } from "vitest/config";

// Auxiliary workers: the webhook tests' receiving website, and the company websites the site
// monitor checks. Vite does not transform auxiliary workers, so their modules (and the sign.ts the
// receiver imports) are handed over as JavaScript.
const compileModules = (paths: string[]) =>
  Promise.all(
    paths.map(async (path) => ({
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
          // The secrets, as a deployment has them (wrangler secret put); fixed values for the tests.
          AUDIT_KEY: "test-audit-key-0123456789abcdef0123456789abcdef",
          DEVICE_COOKIE_KEY: "test-device-cookie-key-0123456789abcdef01234567",
          // Production's setting, whatever a developer's .dev.vars says: webhooks never reach localhost.
          ALLOW_LOCAL_TARGETS: "false",
          PUBLIC_ORIGIN: "http://verklaring.test",
          // A statement written for the import tests (shared/import/fixtures), in JCC Software's style.
          IMPORT_STATEMENT_JCC: await readFile("shared/import/fixtures/jcc.txt", "utf8"),
        },
        serviceBindings: { WEBHOOK_RECEIVER: "webhook-receiver", FAKE_WEBSITES: "fake-websites" },
        // The worker's own fetch() goes to the fake websites: they play the internet, so the site
        // monitor's real fetch path runs (nothing else here fetches; webhook tests pass a fetcher).
        outboundService: "fake-websites",
        // A database of its own for the test that moves renderings written before migration 0018.
        d1Databases: { MIGRATION_DB: "migration-test" },
        workers: [
          {
            name: "webhook-receiver",
            modules: await compileModules(["worker/test/webhook-receiver.ts", "worker/webhooks/sign.ts"]),
            compatibilityDate: "2026-11-01",
          },
          {
            name: "fake-websites",
            modules: await compileModules(["worker/test/fake-websites.ts"]),
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
    // Property tests and parallel-request tests do hundreds of requests: give them time on a busy
    // two-core machine. No test is timed; speed targets live in `npm run bench`.
    testTimeout: 30_000,
  },
});
