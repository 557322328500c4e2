import type { Command } from "commander";
import { jobListQuery } from "@/lib/jobs/schemas";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import { launchJob } from "@/lib/jobs/server/launch-job";
import { listJobs } from "@/lib/jobs/server/list-jobs";
import { operatorNote, table } from "../output";
import { resolveProject } from "../resolve-project";
import { withDb } from "../with-db";

const pct = (done: number, total: number | null) => (total ? `${Math.round((100 * done) / total)}%` : "-");

export function registerJobCommands(program: Command) {
  const jobs = program.command("jobs").description("Background jobs");
  jobs
    .command("list")
    .option("--project <project>")
    .option("--status <status>", "queued, running, cancelling, cancelled, succeeded or failed")
    .option("--limit <n>", "how many", "20")
    .action(async (o) =>
      withDb(async ({ db }) => {
        const p = await resolveProject(db, o.project);
        const query = jobListQuery.parse({ status: o.status, limit: o.limit });
        const { items } = await listJobs({ db, projectId: p.id, query });
        table(
          items.map((j) => ({
            id: j.id,
            type: j.type,
            status: j.status,
            progress: `${j.progress.done}/${j.progress.total ?? "?"} ${pct(j.progress.done, j.progress.total)}`,
            created: j.createdAt,
          })),
        );
      }),
    );
  jobs
    .command("export")
    .option("--project <project>")
    .description("Queue a project export (a worker runs it; see `atlas jobs list`)")
    .action(async (o) =>
      withDb(async ({ db }) => {
        operatorNote();
        const p = await resolveProject(db, o.project);
        const job = await launchJob({
          db,
          boss: await getSenderBoss(),
          projectId: p.id,
          by: { userId: null, keyId: null },
          input: { type: "project.export", payload: {} },
        });
        console.log(`Queued job ${job.id}`);
      }),
    );
}
