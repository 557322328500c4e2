"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useRowTest } from "@/components/api/use-row-test";
import { useCan, useProject } from "@/components/projects/project-context";
import { RubricsTabs } from "@/components/rubrics/rubrics-tabs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { IconPlus } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { useShortcut } from "@/components/ui/shortcuts";
import { type JudgeTestResult, type JudgeView, judgeTestResult } from "@/lib/judges/schemas";
import { JudgeDialog } from "./judge-dialog";
import { useJudges } from "./queries";

export function JudgesScreen() {
  const project = useProject();
  const canEdit = useCan("editor");
  const judges = useJudges(project.id);
  const [editing, setEditing] = useState<JudgeView | "new" | null>(null);
  useShortcut("c", "Add a judge", () => setEditing("new"), { enabled: canEdit });

  const { tested, test } = useRowTest<JudgeView, JudgeTestResult>(project.id, "/judges", judgeTestResult);
  const columns = useMemo<ColumnDef<JudgeView>[]>(
    () => [
      {
        id: "name",
        header: "Name",
        accessorKey: "name",
        meta: { alwaysVisible: true, className: "w-[18%] truncate whitespace-nowrap font-medium text-fg" },
      },
      {
        id: "target",
        header: "Endpoint / model folder",
        accessorFn: (j) => (j.kind === "model" ? `${j.config.model} ${j.config.baseUrl}` : j.config.modelDir),
        cell: ({ row: { original: j } }) => (
          <span
            className="flex min-w-0 items-center gap-2"
            title={j.kind === "model" ? `${j.config.model} at ${j.config.baseUrl}` : j.config.modelDir}
          >
            <Badge tone={j.kind === "model" ? "accent" : "info"}>{j.kind}</Badge>
            {j.kind === "model" ? (
              <span className="min-w-0 truncate">
                <span className="font-mono text-xs text-fg">{j.config.model}</span>{" "}
                <span className="text-xs text-fg-subtle">{j.config.baseUrl}</span>
              </span>
            ) : (
              <span className="min-w-0 truncate font-mono text-xs text-fg">{j.config.modelDir}</span>
            )}
          </span>
        ),
      },
      {
        id: "samples",
        header: "Samples",
        accessorFn: (j) => (j.kind === "model" ? j.config.samples : 1),
        meta: { className: "w-[11%] truncate whitespace-nowrap text-xs text-fg-muted" },
        cell: ({ row: { original: j } }) =>
          j.kind === "model" ? (
            <span title={`temperature ${j.config.temperature}`}>
              {j.config.samples > 1 ? `${j.config.samples}, ${j.config.combine}` : "1"}
            </span>
          ) : (
            <span className="text-fg-subtle">{j.config.output}</span>
          ),
      },
      {
        id: "apiKey",
        header: "API key",
        accessorFn: (j) => j.hasApiKey,
        meta: { className: "w-[9%] text-xs" },
        cell: ({ row: { original: j } }) =>
          j.kind !== "model" ? (
            <span className="text-fg-subtle">—</span>
          ) : j.hasApiKey ? (
            <Badge tone="success">stored</Badge>
          ) : (
            <span className="text-fg-subtle">none</span>
          ),
      },
      {
        id: "createdAt",
        header: "Created",
        accessorKey: "createdAt",
        meta: { className: "w-[10%] truncate whitespace-nowrap text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
      },
      {
        id: "test",
        header: "Test",
        enableSorting: false,
        meta: { className: "w-[22%]", alwaysVisible: true },
        cell: ({ row: { original: j } }) => (
          <TestCell judge={j} result={tested[j.id]} canEdit={canEdit} onTest={() => test.mutate(j)} />
        ),
      },
      ...(canEdit
        ? [
            {
              id: "actions",
              header: "",
              enableSorting: false,
              meta: { className: "w-16 text-right", alwaysVisible: true },
              cell: ({ row: { original: j } }: { row: { original: JudgeView } }) => (
                <Button size="sm" variant="ghost" onClick={() => setEditing(j)} data-testid="judge-edit">
                  Edit
                </Button>
              ),
            } satisfies ColumnDef<JudgeView>,
          ]
        : []),
    ],
    [canEdit, tested, test],
  );

  const actions = canEdit ? (
    <Button
      variant="primary"
      icon={<IconPlus className="size-3.5" />}
      onClick={() => setEditing("new")}
      data-testid="add-judge"
    >
      Add judge
    </Button>
  ) : null;

  return (
    <>
      <RubricsTabs
        projectId={project.id}
        title="Judges"
        description="Who scores the criteria that no program can check: a model behind an OpenAI-compatible endpoint, or a local ONNX model. Program checks need no judge."
        actions={actions}
      />
      <ErrorText message={judges.error?.message} />
      {judges.data && judges.data.items.length === 0 ? (
        <EmptyState
          title="No judges yet"
          ways={[
            {
              label: "In the studio",
              detail: canEdit
                ? "“Add judge” (c): a base URL such as http://localhost:8000/v1 and a model name for vLLM, SGLang, Ollama, llama.cpp server or OpenAI; or a folder with model.onnx and tokenizer.json."
                : "An editor adds judges here; you can read them once they exist.",
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/judges  {"name": "Qwen3-8B", "kind": "model", "config": {"baseUrl": "http://localhost:8000/v1", "model": "Qwen/Qwen3-8B"}}`,
              detail: "As a signed-in editor. config.apiKey is stored and never returned.",
            },
            { label: "ONNX", detail: "docs/onnx-judges.md: export a cross-encoder and what the folder holds." },
          ]}
          actions={actions}
        >
          <p>
            A judge answers one criterion on one trajectory with a score on the criterion's scale, a rationale and the
            steps it relied on. It reads the whole trajectory, every tool call and result, with long texts cut by a
            stated rule. A failed judgment is an error, never a zero.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          label="Judges"
          testId="judges-table"
          data={judges.data?.items}
          loading={judges.isPending}
          columns={columns}
          getRowId={(j) => j.id}
          onOpen={canEdit ? (j) => setEditing(j) : undefined}
          storageKey="judges-columns"
        />
      )}
      {editing ? (
        <JudgeDialog
          projectId={project.id}
          judge={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function TestCell({
  judge,
  result,
  canEdit,
  onTest,
}: {
  judge: JudgeView;
  result: JudgeTestResult | "running" | undefined;
  canEdit: boolean;
  onTest: () => void;
}) {
  return (
    <span className="flex min-w-0 items-center gap-2" data-testid="judge-test-cell">
      {canEdit ? (
        <Button
          size="sm"
          onClick={onTest}
          loading={result === "running"}
          disabled={result === "running"}
          data-testid="judge-test"
          aria-label={`Test ${judge.name}`}
        >
          Test
        </Button>
      ) : null}
      {result === "running" ? (
        <span className="text-xs text-fg-muted">asking…</span>
      ) : result?.ok ? (
        <span
          className="min-w-0 truncate whitespace-nowrap text-xs text-fg"
          title={
            result.promptTokens != null
              ? `${result.promptTokens} prompt + ${result.completionTokens ?? 0} completion tokens`
              : undefined
          }
          data-testid="judge-test-result"
        >
          <Badge tone="success">{result.latencyMs} ms</Badge> answered {result.raw}
        </span>
      ) : result ? (
        <span className="truncate text-xs text-danger" title={result.error ?? ""} data-testid="judge-test-error">
          {result.error}
        </span>
      ) : null}
    </span>
  );
}
