"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { useRowTest } from "@/components/api/use-row-test";
import { useCan, useProject } from "@/components/projects/project-context";
import { RunsTabs } from "@/components/runs/runs-tabs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { formatCompact, formatNumber } from "@/components/ui/format";
import { IconPlus } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { useShortcut } from "@/components/ui/shortcuts";
import { type PolicyTestResult, type PolicyView, policyTestResult } from "@/lib/policies/schemas";
import { PolicyDialog } from "./policy-dialog";
import { usePolicies } from "./queries";

export function PoliciesScreen() {
  const project = useProject();
  const canEdit = useCan("editor");
  const policies = usePolicies(project.id);
  const [editing, setEditing] = useState<PolicyView | "new" | null>(null);
  useShortcut("c", "Add a policy", () => setEditing("new"), { enabled: canEdit });

  const { tested, test } = useRowTest<PolicyView, PolicyTestResult>(project.id, "/policies", policyTestResult);
  const columns = useMemo<ColumnDef<PolicyView>[]>(
    () => [
      {
        id: "name",
        header: "Name",
        accessorKey: "name",
        meta: { alwaysVisible: true, className: "w-[16%] truncate whitespace-nowrap font-medium text-fg" },
      },
      {
        id: "endpoint",
        header: "Model / endpoint",
        accessorFn: (p) => `${p.model} ${p.baseUrl}`,
        cell: ({ row: { original: p } }) => (
          <span className="block min-w-0 truncate" title={`${p.model} at ${p.baseUrl}`}>
            <span className="font-mono text-xs text-fg">{p.model}</span>{" "}
            <span className="text-xs text-fg-subtle">{p.baseUrl}</span>
          </span>
        ),
      },
      {
        id: "settings",
        header: "Settings",
        accessorFn: (p) => p.contextWindow,
        meta: { className: "w-[17%] truncate whitespace-nowrap text-xs text-fg-muted" },
        cell: ({ row: { original: p } }) => (
          <span
            title={`temperature ${p.temperature}, at most ${formatNumber(p.maxTokens)} tokens per answer, ${formatNumber(p.contextWindow)}-token context counted with ${p.tokenizer}${p.tokenizer === "o200k_base" ? " (approximate)" : ""}, ${formatNumber(p.timeoutMs)} ms per request`}
          >
            T {p.temperature} · {formatCompact(p.contextWindow)} ctx · {p.tokenizer}
          </span>
        ),
      },
      {
        id: "apiKey",
        header: "API key",
        accessorFn: (p) => p.hasApiKey,
        meta: { className: "w-[8%] text-xs" },
        cell: ({ row: { original: p } }) =>
          p.hasApiKey ? <Badge tone="success">stored</Badge> : <span className="text-fg-subtle">none</span>,
      },
      {
        id: "createdAt",
        header: "Created",
        accessorKey: "createdAt",
        meta: { className: "w-[9%] truncate whitespace-nowrap text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.createdAt} />,
      },
      {
        id: "test",
        header: "Test",
        enableSorting: false,
        meta: { className: "w-[24%]", alwaysVisible: true },
        cell: ({ row: { original: p } }) => (
          <TestCell policy={p} result={tested[p.id]} canEdit={canEdit} onTest={() => test.mutate(p)} />
        ),
      },
      ...(canEdit
        ? [
            {
              id: "actions",
              header: "",
              enableSorting: false,
              meta: { className: "w-16 text-right", alwaysVisible: true },
              cell: ({ row: { original: p } }: { row: { original: PolicyView } }) => (
                <Button size="sm" variant="ghost" onClick={() => setEditing(p)} data-testid="policy-edit">
                  Edit
                </Button>
              ),
            } satisfies ColumnDef<PolicyView>,
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
      data-testid="add-policy"
    >
      Add policy
    </Button>
  ) : null;

  return (
    <>
      <RunsTabs
        projectId={project.id}
        title="Policies"
        description="The models benchmark runs send episodes to: OpenAI-compatible chat endpoints with tool calling, with their sampling settings, context window and the tokenizer that counts it."
        actions={actions}
      />
      <ErrorText message={policies.error?.message} />
      {policies.data && policies.data.items.length === 0 ? (
        <EmptyState
          title="No policies yet"
          ways={[
            {
              label: "vLLM",
              code: "vllm serve Qwen/Qwen3-4B --enable-auto-tool-choice --tool-call-parser hermes",
              detail: "then a policy with base URL http://localhost:8000/v1 and model Qwen/Qwen3-4B.",
            },
            {
              label: "Ollama",
              code: "ollama pull qwen3:4b",
              detail: "then base URL http://localhost:11434/v1 and model qwen3:4b.",
            },
            {
              label: "In the studio",
              detail: canEdit
                ? "“Add policy” (c), then “Test”: one small chat with a tool shows whether the endpoint answers with a tool call."
                : "An editor adds policies here; you can read them once they exist.",
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/policies  {"name": "Qwen3-4B", "baseUrl": "http://localhost:8000/v1", "model": "Qwen/Qwen3-4B"}`,
              detail: "As a signed-in editor. apiKey is stored and never returned.",
            },
          ]}
          actions={actions}
        >
          <p>
            An episode sends the policy the conversation so far and the tools in context, and runs the tool calls it
            answers with. An endpoint started without tool calling answers in text and cannot act.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          label="Policies"
          testId="policies-table"
          data={policies.data?.items}
          loading={policies.isPending}
          columns={columns}
          getRowId={(p) => p.id}
          onOpen={canEdit ? (p) => setEditing(p) : undefined}
          storageKey="policies-columns"
        />
      )}
      {editing ? (
        <PolicyDialog
          projectId={project.id}
          policy={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

function TestCell({
  policy,
  result,
  canEdit,
  onTest,
}: {
  policy: PolicyView;
  result: PolicyTestResult | "running" | undefined;
  canEdit: boolean;
  onTest: () => void;
}) {
  return (
    <span className="flex min-w-0 items-center gap-2" data-testid="policy-test-cell">
      {canEdit ? (
        <Button
          size="sm"
          onClick={onTest}
          loading={result === "running"}
          disabled={result === "running"}
          data-testid="policy-test"
          aria-label={`Test ${policy.name}`}
        >
          Test
        </Button>
      ) : null}
      {result === "running" ? (
        <span className="text-xs text-fg-muted">asking…</span>
      ) : result?.ok ? (
        <span
          className="flex min-w-0 items-center gap-1.5 text-xs text-fg"
          title={`${result.answer ?? ""}${result.promptTokens != null ? `\n${result.promptTokens} prompt + ${result.completionTokens ?? 0} completion tokens` : ""}`}
          data-testid="policy-test-result"
        >
          <Badge tone={result.toolCall ? "success" : "warning"}>{result.latencyMs} ms</Badge>
          {/* the verdict is what the column is for: it wraps to two lines rather than being cut */}
          <span className="line-clamp-2 break-words">
            {result.toolCall ? `called ${result.answer}` : "answered in text, no tool call: enable tool calling"}
          </span>
        </span>
      ) : result ? (
        <span
          className="line-clamp-2 break-words text-xs text-danger"
          title={result.error ?? ""}
          data-testid="policy-test-error"
        >
          {result.error}
        </span>
      ) : null}
    </span>
  );
}
