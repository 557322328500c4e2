import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
const exclude = ["node_modules/**", ".next/**", "e2e/**", ".atlas*/**", "scratch/**"];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["**/*.test.ts"], exclude: [...exclude, "**/*.int.test.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "int",
          include: ["**/*.int.test.ts"],
          exclude,
          globalSetup: ["db/test/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // the tests share one database; each makes its own project, so files may run in parallel
          fileParallelism: true,
        },
      },
    ],
  },
});
