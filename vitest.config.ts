import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/batch/**", "src/cli/**"],
      thresholds: { lines: 85, functions: 85, branches: 75, statements: 85 },
    },
  },
});
