"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, api, projectPath } from "@/components/api/client";
import { useTaskSets, useToolspaces } from "@/components/catalog/queries";
import { useJudges } from "@/components/judges/queries";
import { usePolicies } from "@/components/policies/queries";
import { useRubric, useRubrics } from "@/components/rubrics/queries";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { Field, Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { RUN_DEFAULT_LIMITS, runDetail } from "@/lib/runs/schemas";
import { strategies } from "@/lib/runtime/strategies/prompts";
import { runKeys, useStrategyPrompts } from "./queries";

const STRATEGY_LABEL: Record<(typeof strategies)[number], string> = {
  eager: "Eager: every schema in context",
  isl: "ISL: server list + load_server",
  itl: "ITL: search_tools, load_tools, unload_tools",
  "itl-ptc": "ITL+PTC: ITL and run_program",
};

type Limits = Record<keyof typeof RUN_DEFAULT_LIMITS, string>;
const LIMIT_LABEL: Record<keyof Limits, [string, string]> = {
  maxTurns: ["Max turns", "model requests"],
  maxToolCalls: ["Max tool calls", "per episode"],
  contextBudget: ["Context budget", "tokens"],
  toolTimeoutMs: ["Tool timeout", "ms per call"],
  maxToolResultTokens: ["Tool result cut", "tokens"],
};

export function NewRunDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const router = useRouter();
  const qc = useQueryClient();
  const toast = useToast();
  const policies = usePolicies(projectId);
  const taskSets = useTaskSets(projectId);
  const toolspaces = useToolspaces(projectId);
  const rubrics = useRubrics(projectId);
  const judges = useJudges(projectId);
  const prompts = useStrategyPrompts(projectId);

  const [policyId, setPolicyId] = useState("");
  const [taskSetId, setTaskSetId] = useState("");
  const [toolspaceId, setToolspaceId] = useState("");
  const [strategy, setStrategy] = useState<(typeof strategies)[number]>("itl");
  const [promptVersionId, setPromptVersionId] = useState("");
  const [rubricId, setRubricId] = useState("");
  const [rubricVersionId, setRubricVersionId] = useState("");
  const [judgeId, setJudgeId] = useState("");
  const [samples, setSamples] = useState("1");
  const [concurrency, setConcurrency] = useState("4");
  const [taskLimit, setTaskLimit] = useState("");
  const [embeddingDir, setEmbeddingDir] = useState("");
  const [name, setName] = useState("");
  const [limits, setLimits] = useState<Limits>(
    () => Object.fromEntries(Object.entries(RUN_DEFAULT_LIMITS).map(([k, v]) => [k, String(v)])) as Limits,
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const rubric = useRubric(projectId, rubricId || null);

  // the first policy and task set are the likely choice; nothing is picked where there is none
  useEffect(() => {
    if (!policyId && policies.data?.items[0]) setPolicyId(policies.data.items[0].id);
  }, [policies.data, policyId]);
  useEffect(() => {
    if (!taskSetId && taskSets.data?.items[0]) setTaskSetId(taskSets.data.items[0].id);
  }, [taskSets.data, taskSetId]);
  useEffect(() => {
    const versions = rubric.data?.versions ?? [];
    if (rubricId && versions.length && !versions.some((v) => v.id === rubricVersionId))
      setRubricVersionId(versions[0].id); // newest first
  }, [rubric.data, rubricId, rubricVersionId]);

  const versionsOfStrategy = prompts.data?.items.find((i) => i.strategy === strategy)?.versions ?? [];
  const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

  const start = useMutation({
    mutationFn: () =>
      api(
        projectPath(projectId, "/runs"),
        {
          method: "POST",
          body: {
            name: name.trim() || undefined,
            policyId,
            taskSetId,
            toolspaceId: toolspaceId || null,
            strategy,
            promptVersionId: promptVersionId || null,
            rubric: rubricId ? { mode: "version", rubricVersionId } : { mode: "task" },
            retrieval:
              strategy.startsWith("itl") && embeddingDir.trim()
                ? { kind: "embedding", modelDir: embeddingDir.trim() }
                : { kind: "bm25" },
            judgeId: judgeId || null,
            samples: num(samples),
            concurrency: num(concurrency),
            taskLimit: num(taskLimit) ?? null,
            limits: Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, num(v)])),
          },
        },
        runDetail,
      ),
    onSuccess: (run) => {
      qc.invalidateQueries({ queryKey: runKeys.all(projectId) });
      toast({ title: `Started ${run.name}`, description: `${run.episodes} episodes` });
      router.push(`/projects/${projectId}/runs/${run.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field) setErrors({ [e.field]: e.message.replace(/^[\w.]+: /, "") });
    },
  });
  const err = (f: string) => errors[f] ?? null;
  const shownFields = new Set([
    "policyId",
    "taskSetId",
    "toolspaceId",
    "strategy",
    "promptVersionId",
    "rubric",
    "rubric.mode",
    "rubric.rubricVersionId",
    "judgeId",
    "retrieval.modelDir",
    "samples",
    "concurrency",
    "taskLimit",
    "name",
    ...Object.keys(limits).map((k) => `limits.${k}`),
  ]);
  const other = Object.entries(errors).find(([f]) => !shownFields.has(f));
  const serverError =
    start.error && !(start.error instanceof ApiError && start.error.field) ? start.error.message : null;
  const noPolicies = policies.data?.items.length === 0;

  return (
    <Dialog
      open
      onClose={onClose}
      size="xl"
      title="New benchmark run"
      description="Every task of the set (× samples) runs as an episode of the policy in a fresh copy of the toolspace, then is judged with the rubric."
      testId="new-run-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant="primary"
            onClick={() => start.mutate()}
            loading={start.isPending}
            disabled={start.isPending || !policyId || !taskSetId}
            data-testid="run-start"
          >
            Start run
          </Button>
        </>
      }
    >
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          start.mutate();
        }}
      >
        <div className="grid grid-cols-2 gap-3">
          <Field
            label="Policy"
            error={err("policyId")}
            hint={noPolicies ? "Add one on the Policies tab first" : undefined}
          >
            {(p) => (
              <Select {...p} value={policyId} onChange={(e) => setPolicyId(e.target.value)} data-testid="run-policy">
                {noPolicies ? <option value="">no policies yet</option> : null}
                {policies.data?.items.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name} ({x.model})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Task set" error={err("taskSetId")}>
            {(p) => (
              <Select
                {...p}
                value={taskSetId}
                onChange={(e) => setTaskSetId(e.target.value)}
                data-testid="run-task-set"
              >
                {taskSets.data?.items.length === 0 ? <option value="">no task sets yet</option> : null}
                {taskSets.data?.items.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name} ({x.tasks} tasks)
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Toolspace" error={err("toolspaceId")}>
            {(p) => (
              <Select
                {...p}
                value={toolspaceId}
                onChange={(e) => setToolspaceId(e.target.value)}
                data-testid="run-toolspace"
              >
                <option value="">the task set’s own toolspace</option>
                {toolspaces.data?.items.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name} ({x.servers} servers, {x.tools} tools)
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Loading strategy" error={err("strategy")}>
            {(p) => (
              <Select
                {...p}
                value={strategy}
                onChange={(e) => {
                  setStrategy(e.target.value as typeof strategy);
                  setPromptVersionId("");
                }}
                data-testid="run-strategy"
              >
                {strategies.map((s) => (
                  <option key={s} value={s}>
                    {STRATEGY_LABEL[s]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Strategy prompt" error={err("promptVersionId")}>
            {(p) => (
              <Select
                {...p}
                value={promptVersionId}
                onChange={(e) => setPromptVersionId(e.target.value)}
                data-testid="run-prompt"
              >
                <option value="">built-in default</option>
                {versionsOfStrategy.map((v) => (
                  <option key={v.id} value={v.id}>
                    v{v.version}
                    {v.note ? `: ${v.note}` : ""}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          {strategy.startsWith("itl") ? (
            <Field
              label="search_tools ranking"
              error={err("retrieval.modelDir")}
              hint="empty: BM25 over tool names, descriptions and parameters; or a folder on the workers with a sentence-embedding model.onnx and tokenizer.json"
            >
              {(p) => (
                <Input
                  {...p}
                  value={embeddingDir}
                  onChange={(e) => setEmbeddingDir(e.target.value)}
                  placeholder="BM25"
                  data-testid="run-embedding-dir"
                />
              )}
            </Field>
          ) : null}
          <Field
            label="Judge"
            error={err("judgeId")}
            hint={judgeId ? undefined : "without one, model-judged claims are “not judged”; program checks still run"}
          >
            {(p) => (
              <Select {...p} value={judgeId} onChange={(e) => setJudgeId(e.target.value)} data-testid="run-judge">
                <option value="">none: program checks only</option>
                {judges.data?.items
                  .filter((j) => j.kind !== ("program" as string))
                  .map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.name} ({j.kind})
                    </option>
                  ))}
              </Select>
            )}
          </Field>
          <Field label="Rubric" error={err("rubric") ?? err("rubric.mode")}>
            {(p) => (
              <Select {...p} value={rubricId} onChange={(e) => setRubricId(e.target.value)} data-testid="run-rubric">
                <option value="">each task’s own rubric</option>
                {rubrics.data?.items.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Rubric version" error={err("rubric.rubricVersionId")}>
            {(p) => (
              <Select
                {...p}
                value={rubricVersionId}
                disabled={!rubricId}
                onChange={(e) => setRubricVersionId(e.target.value)}
                data-testid="run-rubric-version"
              >
                {!rubricId ? <option value="">the latest of each</option> : null}
                {rubric.data?.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    v{v.version}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="grid grid-cols-4 gap-3">
          <NumberField
            label="Samples"
            hint="per task, 1–16"
            value={samples}
            onChange={setSamples}
            error={err("samples")}
            id="samples"
          />
          <NumberField
            label="Concurrency"
            hint="episodes at once, 1–32"
            value={concurrency}
            onChange={setConcurrency}
            error={err("concurrency")}
            id="concurrency"
          />
          <NumberField
            label="Task limit"
            hint="first N tasks: a quick try"
            value={taskLimit}
            placeholder="all"
            onChange={setTaskLimit}
            error={err("taskLimit")}
            id="task-limit"
          />
          <Field label="Name" error={err("name")}>
            {(p) => (
              <Input
                {...p}
                value={name}
                placeholder="policy · strategy · set"
                onChange={(e) => setName(e.target.value)}
                data-testid="run-name"
              />
            )}
          </Field>
        </div>
        <fieldset className="grid grid-cols-5 gap-3">
          <legend className="mb-1 text-xs font-medium text-fg-subtle">Limits per episode</legend>
          {(Object.keys(limits) as (keyof Limits)[]).map((k) => (
            <NumberField
              key={k}
              id={`limit-${k}`}
              label={LIMIT_LABEL[k][0]}
              hint={LIMIT_LABEL[k][1]}
              value={limits[k]}
              error={err(`limits.${k}`)}
              onChange={(v) => setLimits((l) => ({ ...l, [k]: v }))}
            />
          ))}
        </fieldset>
        <ErrorText message={other ? `${other[0]}: ${other[1]}` : serverError} />
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

function NumberField({
  id,
  label,
  hint,
  value,
  placeholder,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  placeholder?: string;
  error: string | null;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => (
        <Input
          {...p}
          type="number"
          min={0}
          value={value}
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          data-testid={`run-${id}`}
        />
      )}
    </Field>
  );
}
