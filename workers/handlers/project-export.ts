import { assembleExport, type ExportPage, exportPage, planExport } from "@/lib/exports/server/export-project";
import type { JobPayload } from "@/lib/jobs/types";
import { getStorage } from "@/lib/storage/server/storage";
import type { JobHandler } from "../handler";

type Payload = JobPayload<"project.export">;

export const projectExport: JobHandler<Payload> = {
  async plan({ db, job, payload }) {
    const { pages, counts } = await planExport({ db, projectId: job.projectId, pageSize: payload.pageSize });
    const names = { task_set: "task sets", task: "tasks", rubric: "rubrics", trajectory: "trajectories" };
    const summary = Object.entries(counts)
      .map(([k, n]) => `${n} ${names[k as keyof typeof names]}`)
      .join(", ");
    return { steps: pages, summary: `Exporting ${summary} in ${pages.length} pages` };
  },
  async step({ db, job, index, step }) {
    return exportPage({
      db,
      storage: getStorage(),
      projectId: job.projectId,
      jobId: job.id,
      index,
      page: step as ExportPage,
    });
  },
  async finish({ db, job, results, log }) {
    const records = results.reduce((n: number, r) => n + ((r as { records: number }).records ?? 0), 0);
    const out = await assembleExport({
      db,
      storage: getStorage(),
      projectId: job.projectId,
      jobId: job.id,
      parts: results.length,
    });
    await log(`Wrote ${records} records (${out.bytes} bytes, gzipped)`);
    return { ...out, records };
  },
  async cleanup({ job }) {
    await getStorage().remove(`tmp/${job.projectId}/${job.id}`);
  },
};
