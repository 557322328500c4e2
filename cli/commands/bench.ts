// atlas bench run: starts a benchmark run as the studio does (same checks, same job), and with
// --wait runs a worker in this process and prints progress until the run ends, headless.
import type { Command } from "commander";
import { and, eq, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { judges, policies, taskSets, toolspaces } from "@/db/schema";
import { getSenderBoss } from "@/lib/jobs/server/boss";
import type { RunDetail } from "@/lib/runs/schemas";
import { createRun } from "@/lib/runs/server/create-run";
import { getRun } from "@/lib/runs/server/get-run";
import { startWorker } from "@/workers/main";
import { info, operatorNote, table } from "../output";
import { resolveProject } from "../resolve-project";
import { withDb } from "../with-db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Named = { id: string; name: string };

/** A row of the project by id or exact name: --policy, --task-set, --toolspace, --judge. */
async function byRef(
  db: DbOrTx,
  table: typeof policies | typeof taskSets | typeof toolspaces | typeof judges,
  projectId: string,
  ref: string,
  option: string,
): Promise<Named> {
  const rows = (await db
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(
      and(
        eq(table.projectId, projectId),
        UUID.test(ref) ? or(eq(table.id, ref), eq(table.name, ref)) : eq(table.name, ref),
      ),
    )) as Named[];
  if (!rows.length) throw new Error(`${option}: no ${option.slice(2)} '${ref}' in this project`);
  if (rows.length > 1) throw new Error(`${option}: several are named '${ref}'; pass its id instead`);
  return rows[0];
}

const int = (option: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`${option} takes a whole number, not '${v}'`);
  return n;
};

const line = (r: RunDetail) =>
  `${r.status.padEnd(10)} ${r.counts.succeeded + r.counts.failed + r.counts.cancelled}/${r.episodes} episodes` +
  ` (${r.counts.running} running, ${r.counts.failed} failed)` +
  (r.meanReward === null ? "" : ` · mean reward ${r.meanReward.toFixed(3)} over ${r.judged}`);

export function registerBenchCommands(program: Command) {
  const bench = program.command("bench").description("Benchmark runs of a policy on a task set");
  bench
    .command("run")
    .description("Start a benchmark run; with --wait, run it here and print its progress and result")
    .requiredOption("--policy <policy>", "policy name or id")
    .requiredOption("--task-set <taskSet>", "task set name or id")
    .requiredOption("--strategy <strategy>", "eager, isl, itl or itl-ptc")
    .option("--toolspace <toolspace>", "toolspace name or id (the task set's own when left out)")
    .option("--project <project>")
    .option("--samples <n>", "episodes per task, 1-16", int("--samples"), 1)
    .option("--concurrency <n>", "episodes at once, 1-32", int("--concurrency"), 4)
    .option("--rubric <rubric>", "'task' (each task's own rubric) or a rubric version id", "task")
    .option("--judge <judge>", "judge name or id for model-judged criteria (none: program checks only)")
    .option("--prompt-version <id>", "a saved strategy prompt version (the built-in prompt when left out)")
    .option(
      "--embedding-model <dir>",
      "rank search_tools with this sentence-embedding model folder (BM25 when left out)",
    )
    .option("--task-limit <n>", "only the first N tasks: a quick try", int("--task-limit"))
    .option("--max-turns <n>", "model requests per episode", int("--max-turns"))
    .option("--context-budget <n>", "tokens per episode", int("--context-budget"))
    .option("--name <name>", "the run's name")
    .option("--wait", "run the episodes in this process and print progress until the run ends")
    .action(async (o) =>
      withDb(async ({ db }) => {
        operatorNote();
        const project = await resolveProject(db, o.project);
        const policy = await byRef(db, policies, project.id, o.policy, "--policy");
        const taskSet = await byRef(db, taskSets, project.id, o.taskSet, "--task-set");
        const toolspace = o.toolspace ? await byRef(db, toolspaces, project.id, o.toolspace, "--toolspace") : null;
        const judge = o.judge ? await byRef(db, judges, project.id, o.judge, "--judge") : null;
        const run = await createRun({
          db,
          boss: await getSenderBoss(),
          projectId: project.id,
          by: { userId: null, keyId: null },
          input: {
            name: o.name,
            policyId: policy.id,
            taskSetId: taskSet.id,
            toolspaceId: toolspace?.id ?? null,
            strategy: o.strategy,
            promptVersionId: o.promptVersion ?? null,
            rubric: o.rubric === "task" ? { mode: "task" } : { mode: "version", rubricVersionId: o.rubric },
            judgeId: judge?.id ?? null,
            retrieval: o.embeddingModel ? { kind: "embedding", modelDir: o.embeddingModel } : { kind: "bm25" },
            samples: o.samples,
            concurrency: o.concurrency,
            taskLimit: o.taskLimit ?? null,
            limits: {
              ...(o.maxTurns !== undefined ? { maxTurns: o.maxTurns } : {}),
              ...(o.contextBudget !== undefined ? { contextBudget: o.contextBudget } : {}),
            },
          },
        });
        info(`Run ${run.id}: ${run.name}, ${run.episodes} episodes`);
        if (!o.wait) {
          console.log(run.id);
          info("Queued: the studio's workers run it (`atlas start`, or `atlas worker`); follow it on the Runs page.");
          return;
        }
        const worker = await startWorker(process.env.DATABASE_URL as string, () => {});
        let final: RunDetail = run;
        try {
          let last = "";
          for (;;) {
            final = await getRun({ db, projectId: project.id, runId: run.id });
            const now = line(final);
            if (now !== last) info(now);
            last = now;
            if (!["queued", "running", "cancelling"].includes(final.status)) break;
            await new Promise((r) => setTimeout(r, 1000));
          }
        } finally {
          await worker.stop(false);
        }
        table(
          final.episodeList.map((e) => ({
            task: e.task,
            sample: e.sample + 1,
            status: e.status,
            turns: e.turns ?? "",
            context: e.peakContextTokens ?? "",
            reward: e.reward === null ? "" : e.reward.toFixed(2),
            outcome: e.outcome ?? "",
            error: (e.error ?? "").slice(0, 60),
          })),
        );
        console.log(
          `${final.status}: ${final.counts.succeeded} succeeded, ${final.counts.failed} failed, ${final.counts.cancelled} cancelled; mean reward ${
            final.meanReward === null ? "- (nothing judged)" : final.meanReward.toFixed(3)
          }, passed ${final.passed}/${final.counts.succeeded}`,
        );
        if (final.status !== "succeeded") process.exitCode = 1;
      }),
    );
}
