import { defineConfig } from "@playwright/test";

// The studio runs as a user would start it (`atlas start`: production build, embedded database,
// one worker) on its own data folder and port.
const port = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = ".atlas-e2e";
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password" };

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.spec\.ts/,
  timeout: 60_000,
  workers: 1,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `rm -rf ${E2E_DATA_DIR} && node bin/atlas.mjs start`,
    url: `http://localhost:${port}/api/v1/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      PORT: String(port),
      ATLAS_DATA_DIR: E2E_DATA_DIR,
      ATLAS_ADMIN_EMAIL: E2E_ADMIN.email,
      ATLAS_ADMIN_PASSWORD: E2E_ADMIN.password,
      ATLAS_STEP_EXPIRE_SECONDS: "30",
      ATLAS_SIGNIN_ATTEMPTS_PER_MINUTE: "1000",
    },
  },
});
