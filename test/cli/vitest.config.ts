import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { name: "cli", include: ["test/cli/**/*.test.ts"], testTimeout: 90_000, hookTimeout: 90_000 },
});
