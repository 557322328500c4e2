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
          // one database and one step queue: a worker started by one file would take the steps
          // of another file's jobs, so files run one after another
          fileParallelism: false,
        },
      },
    ],
  },
});
