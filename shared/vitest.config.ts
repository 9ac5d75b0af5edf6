import { defineConfig } from "vitest/config";

export default defineConfig({
  // Property tests run hundreds of cases: give them time on a busy two-core machine (no test is timed).
  test: { name: "shared", include: ["shared/**/*.test.ts"], root: ".", testTimeout: 60_000 },
});
