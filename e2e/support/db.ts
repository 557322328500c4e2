// Direct database access for journeys that need more data than the UI can make quickly.
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { E2E_DATA_DIR } from "../../playwright.config";

export function e2eSql() {
  const pid = fs.readFileSync(path.join(E2E_DATA_DIR, "pg", "postmaster.pid"), "utf8").split("\n");
  return postgres(`postgres://atlas:atlas@127.0.0.1:${pid[3]}/atlas`, { max: 2, onnotice: () => {} });
}

/** Inserts n small trajectories with two steps each into a project. */
export async function seedTrajectories(projectId: string, n: number) {
  const sql = e2eSql();
  try {
    await sql`insert into trajectories (project_id, client_id, outcome, reward, step_count, final_answer)
      select ${projectId}::uuid, 'seed-' || g, case when g % 3 = 0 then 'fail' else 'pass' end, (g % 10) / 10.0, 2, 'answer ' || g
      from generate_series(1, ${n}) g`;
    await sql`insert into trajectory_steps (trajectory_id, index, message)
      select t.id, s, jsonb_build_object('role', case when s = 0 then 'user' else 'assistant' end, 'content', 'step ' || s || ' of ' || t.client_id)
      from trajectories t, generate_series(0, 1) s where t.project_id = ${projectId}::uuid`;
  } finally {
    await sql.end();
  }
}
