import { once } from "node:events";
import fs from "node:fs";
import type { Command } from "commander";
import { exportTrajectories } from "@/lib/trajectories/server/export-trajectories";
import { info, operatorNote } from "../output";
import { resolveProject } from "../resolve-project";
import { withDb } from "../with-db";

export function registerExportCommand(program: Command) {
  program
    .command("export")
    .description("Write the project's trajectories, with scores and labels, as JSONL in the canonical format")
    .option("--project <project>", "id or name; the first-start project when omitted")
    .option("--run <runId>", "only this run's trajectories")
    .option("--out <file>", "write here instead of standard output")
    .action(async (o) =>
      withDb(async ({ db }) => {
        operatorNote();
        const p = await resolveProject(db, o.project);
        const out = o.out ? fs.createWriteStream(o.out) : process.stdout;
        let n = 0;
        for await (const line of exportTrajectories({ db, projectId: p.id, runId: o.run })) {
          if (!out.write(line)) await once(out, "drain");
          if (++n % 1000 === 0) info(`${n} trajectories written`);
        }
        if (o.out)
          await new Promise<void>((resolve, reject) =>
            (out as fs.WriteStream).end((e?: Error) => (e ? reject(e) : resolve())),
          );
        info(`${n} trajectories exported${o.out ? ` to ${o.out}` : ""}`);
      }),
    );
}
