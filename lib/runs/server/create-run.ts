// Starts a benchmark run: checks every choice is the project's (a 400 naming the field and the
// fix, nothing written), then records the run, one episode per (task, sample) and its job in one
// transaction, so a run never exists without its episodes or its job.
import { existsSync } from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { episodes, policies, rubrics, runs, strategyPrompts, taskSets, tasks, toolspaces } from "@/db/schema";
import { AppError, invalid } from "@/lib/errors";
import { type Launcher, launchJob } from "@/lib/jobs/server/launch-job";
import { loadJudgeRow, loadRubricVersion } from "@/lib/judging/server/load-rubric";
import { type BenchmarkConfig, type CreateRunInput, createRunInput, RUN_DEFAULT_LIMITS } from "../schemas";
import { getRun } from "./get-run";

const projectRow = async <T>(rows: Promise<T[]>, field: string, fix: string): Promise<T> => {
  const [row] = await rows;
  if (!row) throw invalid(field, `${field} is not ${fix}`);
  return row;
};

export async function createRun({
  db,
  boss,
  projectId,
  by,
  input: raw,
}: {
  db: Db;
  boss: PgBoss;
  projectId: string;
  by: Launcher;
  input: CreateRunInput;
}) {
  const input = createRunInput.parse(raw);
  const policy = await projectRow(
    db
      .select()
      .from(policies)
      .where(and(eq(policies.id, input.policyId), eq(policies.projectId, projectId))),
    "policyId",
    "a policy of this project: register one on the Policies tab or take one from GET /api/v1/projects/{projectId}/policies",
  );
  const taskSet = await projectRow(
    db
      .select()
      .from(taskSets)
      .where(and(eq(taskSets.id, input.taskSetId), eq(taskSets.projectId, projectId))),
    "taskSetId",
    "a task set of this project: take one from GET /api/v1/projects/{projectId}/task-sets",
  );
  const toolspaceId = input.toolspaceId ?? taskSet.toolspaceId;
  if (!toolspaceId)
    throw invalid("toolspaceId", `toolspaceId: the task set '${taskSet.name}' names no toolspace; choose one`);
  await projectRow(
    db
      .select({ id: toolspaces.id })
      .from(toolspaces)
      .where(and(eq(toolspaces.id, toolspaceId), eq(toolspaces.projectId, projectId))),
    "toolspaceId",
    "a toolspace of this project: take one from GET /api/v1/projects/{projectId}/toolspaces",
  );
  if (input.promptVersionId)
    await projectRow(
      db
        .select({ id: strategyPrompts.id })
        .from(strategyPrompts)
        .where(
          and(
            eq(strategyPrompts.id, input.promptVersionId),
            eq(strategyPrompts.projectId, projectId),
            eq(strategyPrompts.strategy, input.strategy),
          ),
        ),
      "promptVersionId",
      `a saved ${input.strategy} prompt version of this project: leave it out for the built-in prompt`,
    );

  const taskRows = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(eq(tasks.taskSetId, taskSet.id))
    .orderBy(asc(tasks.externalId), asc(tasks.id))
    .limit(input.taskLimit ?? 100_000);
  if (!taskRows.length) throw invalid("taskSetId", `taskSetId: the task set '${taskSet.name}' has no tasks yet`);

  if (input.rubric.mode === "version") {
    const id = input.rubric.rubricVersionId;
    await loadRubricVersion(db, projectId, id).catch((e) => {
      throw e instanceof AppError
        ? invalid(
            "rubric.rubricVersionId",
            "rubric.rubricVersionId is not a rubric version of this project: take one from GET /api/v1/projects/{projectId}/rubrics/{rubricId}",
          )
        : e;
    });
  } else {
    const [withRubric] = await db
      .select({ id: rubrics.id })
      .from(rubrics)
      .where(
        and(
          eq(rubrics.projectId, projectId),
          isNotNull(rubrics.taskId),
          inArray(
            rubrics.taskId,
            taskRows.map((t) => t.id),
          ),
        ),
      )
      .limit(1);
    if (!withRubric)
      throw invalid(
        "rubric",
        `rubric: no task of '${taskSet.name}' has its own rubric; choose a rubric version ({"mode":"version","rubricVersionId":…})`,
      );
  }
  await loadJudgeRow(db, projectId, input.judgeId);
  const retrieval = input.retrieval;
  if (retrieval.kind === "embedding") {
    const dir = path.resolve(/*turbopackIgnore: true*/ retrieval.modelDir);
    const missing = ["model.onnx", "tokenizer.json"].filter((f) => !existsSync(path.join(dir, f)));
    if (missing.length)
      throw invalid(
        "retrieval.modelDir",
        `retrieval.modelDir: ${retrieval.modelDir} has no ${missing.join(" or ")}; give a folder holding a sentence-embedding model's model.onnx and tokenizer.json`,
      );
  }

  const pc = policy.config as { model?: string } | null;
  const config: BenchmarkConfig = {
    taskSetId: taskSet.id,
    toolspaceId,
    strategy: input.strategy,
    promptVersionId: input.promptVersionId ?? null,
    rubric: input.rubric,
    retrieval: input.retrieval,
    judgeId: input.judgeId ?? null,
    samples: input.samples,
    concurrency: input.concurrency,
    limits: { ...RUN_DEFAULT_LIMITS, ...input.limits },
    taskLimit: input.taskLimit ?? null,
    checkpoint: input.checkpoint ?? null,
    policy: { name: policy.name, model: policy.model ?? pc?.model ?? "" },
  };
  const runId = await db.transaction(async (tx) => {
    const [run] = await tx
      .insert(runs)
      .values({
        projectId,
        kind: "benchmark",
        name: input.name ?? `${policy.name} · ${input.strategy} · ${taskSet.name}`,
        policyId: policy.id,
        config,
        createdBy: by.userId,
      })
      .returning({ id: runs.id });
    const rows = taskRows.flatMap((t) =>
      Array.from({ length: input.samples }, (_, sample) => ({ runId: run.id, taskId: t.id, sample })),
    );
    for (let i = 0; i < rows.length; i += 2000) await tx.insert(episodes).values(rows.slice(i, i + 2000));
    await launchJob({
      db: tx as unknown as Db,
      boss,
      projectId,
      by,
      input: { type: "bench.run", runId: run.id, payload: { runId: run.id } },
    });
    return run.id;
  });
  return getRun({ db, projectId, runId });
}
