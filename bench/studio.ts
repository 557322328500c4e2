// Benches that need the whole studio start it as a user would (`atlas start`) on their own
// data folder and port, without the demo data, and wait until it answers.
import { type ChildProcess, spawn } from "node:child_process";

export async function startStudio({
  port,
  dataDir,
  admin,
}: {
  port: number;
  dataDir: string;
  admin: { email: string; password: string };
}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/atlas.mjs", "start"], {
    env: {
      ...process.env,
      PORT: String(port),
      ATLAS_DATA_DIR: dataDir,
      ATLAS_ADMIN_EMAIL: admin.email,
      ATLAS_ADMIN_PASSWORD: admin.password,
      ATLAS_SEED_DEMO: "0",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (d) => (log += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`start exited early:\n${log}`);
    const ok = await fetch(`http://localhost:${port}/api/v1/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
}
