// Rubrics from published formats: one rubric per MCP-Atlas or tau2 task (linked to the project's
// task of that id when it has one), or one rubric from a [{title, description, weight}] list.
// A task whose rubric already exists under the same name is skipped, so importing twice adds nothing.
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { rubrics, taskSets, tasks } from "@/db/schema";
import { invalid } from "@/lib/errors";
import { parseMcpAtlasCsv } from "@/lib/imports/formats/mcp-atlas";
import { type RubricDraft, rubricFromClaims, rubricFromList, rubricFromTau2 } from "../formats";
import {
  type RubricFormat,
  type RubricImportInput,
  type RubricImportItem,
  type RubricImportResult,
  rubricImportInput,
  rubricVersionInput,
} from "../schemas";
import { createRubric } from "./save-rubric";

type Planned = { name: string; taskRef: string | null; draft?: RubricDraft; reason?: string };

/** Where each format's tasks come from, so a task id shared by two benchmarks links to the right one. */
const taskSource: Record<RubricFormat, string | null> = {
  "mcp-atlas-claims": "mcp-atlas",
  tau2: "tau2-bench",
  list: null,
};

/** A path inside the content as code reads it: [2].weight */
const at = (path: PropertyKey[]) =>
  path
    .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
    .join("")
    .replace(/^\./, "") || "(top level)";

function fail(message: string): never {
  throw invalid("content", `content: ${message}`);
}

function plan(format: RubricFormat, content: string, name?: string): Planned[] {
  if (format === "mcp-atlas-claims") {
    let parsed: ReturnType<typeof parseMcpAtlasCsv>;
    try {
      parsed = parseMcpAtlasCsv(content);
    } catch (e) {
      fail(
        `${(e as Error).message} (expected the MCP-Atlas CSV: TASK, ENABLED_TOOLS, PROMPT, TRAJECTORY, GTFA_CLAIMS)`,
      );
    }
    if (!parsed.length) fail("the CSV has no task rows");
    return parsed.map((t) => ({
      name: `${name || "MCP-Atlas claims"} · ${t.externalId}`,
      taskRef: t.externalId,
      ...(t.claims.length ? { draft: rubricFromClaims(t.claims) } : { reason: "the task lists no claims" }),
    }));
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    fail(
      format === "tau2"
        ? "not JSON: expected tau2-bench's tasks.json"
        : "not JSON: expected [{title, description, weight}]",
    );
  }
  if (format === "list") {
    try {
      return [{ name: name || "Imported rubric", taskRef: null, draft: rubricFromList(json) }];
    } catch (e) {
      const issue = (e as z.ZodError).issues?.[0];
      fail(issue ? `${at(issue.path)} ${issue.message}` : String(e));
    }
  }
  const list = z.array(z.object({ id: z.union([z.string(), z.number()]), evaluation_criteria: z.unknown() }).loose());
  const r = list.safeParse(json);
  if (!r.success) fail("expected tau2-bench's tasks.json: a list of tasks, each with an id and evaluation_criteria");
  return r.data.map((t) => {
    const taskRef = String(t.id);
    const base = { name: `${name || "tau2"} · task ${taskRef}`, taskRef };
    try {
      const draft = rubricFromTau2(t.evaluation_criteria ?? {});
      return draft.criteria.length ? { ...base, draft } : { ...base, reason: "the task has no evaluation criteria" };
    } catch (e) {
      const issue = (e as z.ZodError).issues?.[0];
      return { ...base, reason: `evaluation_criteria.${at(issue?.path ?? [])} ${issue?.message ?? String(e)}` };
    }
  });
}

async function taskIds(db: DbOrTx, projectId: string, format: RubricFormat, refs: string[]) {
  const map = new Map<string, string>();
  if (!refs.length) return map;
  const rows = await db
    .select({ id: tasks.id, externalId: tasks.externalId, source: taskSets.source })
    .from(tasks)
    .innerJoin(taskSets, eq(taskSets.id, tasks.taskSetId))
    .where(and(eq(tasks.projectId, projectId), inArray(tasks.externalId, refs)))
    .orderBy(tasks.createdAt);
  // a task from the format's own benchmark first, then any task of that id
  const source = taskSource[format];
  for (const r of rows) if (r.source === source && !map.has(r.externalId)) map.set(r.externalId, r.id);
  for (const r of rows) if (!map.has(r.externalId)) map.set(r.externalId, r.id);
  return map;
}

export async function importRubrics({
  db,
  projectId,
  userId,
  input,
}: {
  db: DbOrTx;
  projectId: string;
  userId: string | null;
  input: RubricImportInput;
}): Promise<RubricImportResult> {
  const { format, content, name } = rubricImportInput.parse(input);
  const planned = plan(format, content, name);
  const refs = planned.flatMap((p) => (p.taskRef && format !== "list" ? [p.taskRef] : []));
  const linked = await taskIds(db, projectId, format, refs);
  const existing = new Set(
    (
      await db
        .select({ name: rubrics.name })
        .from(rubrics)
        .where(
          and(
            eq(rubrics.projectId, projectId),
            inArray(
              rubrics.name,
              planned.map((p) => p.name),
            ),
          ),
        )
    ).map((r) => r.name),
  );
  const items: RubricImportItem[] = [];
  for (const p of planned) {
    const taskId = (p.taskRef && linked.get(p.taskRef)) || null;
    const item = { name: p.name, taskRef: p.taskRef, taskId, rubricId: null };
    if (!p.draft) {
      items.push({ ...item, status: "skipped", reason: p.reason ?? "nothing to import" });
      continue;
    }
    if (existing.has(p.name)) {
      items.push({ ...item, status: "skipped", reason: "a rubric of this name exists: rename it to import again" });
      continue;
    }
    const checked = rubricVersionInput.safeParse(p.draft);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      items.push({ ...item, status: "skipped", reason: `${at(issue.path)}: ${issue.message}` });
      continue;
    }
    const { rubric } = await createRubric({
      db,
      projectId,
      userId,
      input: { name: p.name, taskId, version: p.draft },
    });
    existing.add(p.name);
    items.push({ ...item, status: "created", rubricId: rubric.id, reason: null });
  }
  return {
    created: items.filter((i) => i.status === "created").length,
    skipped: items.filter((i) => i.status === "skipped").length,
    items,
  };
}
