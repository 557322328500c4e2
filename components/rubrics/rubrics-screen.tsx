"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useCan, useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button, ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { IconPlus } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { SearchInput } from "@/components/ui/search-input";
import { useShortcut } from "@/components/ui/shortcuts";
import { useUrlQuery } from "@/components/ui/use-url-query";
import type { RubricSummary } from "@/lib/rubrics/schemas";
import { ImportRubricsDialog } from "./import-rubrics-dialog";
import { ruleText, useRubrics } from "./queries";
import { RubricsTabs } from "./rubrics-tabs";

export function RubricsScreen() {
  const project = useProject();
  const canEdit = useCan("editor");
  const router = useRouter();
  const url = useUrlQuery();
  const q = url.get("q");
  const rubrics = useRubrics(project.id);
  const [importing, setImporting] = useState(false);
  const base = `/projects/${project.id}/rubrics`;
  useShortcut("c", "New rubric", () => router.push(`${base}/new`), { enabled: canEdit });
  useShortcut("i", "Import rubrics", () => setImporting(true), { enabled: canEdit });

  const items = useMemo(() => {
    const all = rubrics.data?.items;
    if (!all || !q) return all;
    const needle = q.toLowerCase();
    return all.filter((r) => r.name.toLowerCase().includes(needle) || r.taskRef?.toLowerCase().includes(needle));
  }, [rubrics.data, q]);

  const columns = useMemo<ColumnDef<RubricSummary>[]>(
    () => [
      {
        id: "name",
        header: "Name",
        accessorKey: "name",
        meta: { alwaysVisible: true },
        cell: ({ row: { original: r } }) => (
          <Link href={`${base}/${r.id}`} className="font-medium text-fg hover:underline" data-testid="rubric-row-name">
            {r.name}
          </Link>
        ),
      },
      {
        id: "task",
        header: "Task",
        accessorFn: (r) => r.taskRef ?? r.taskSetName ?? "",
        meta: { className: "w-48 truncate font-mono text-xs text-fg-muted" },
        cell: ({ row: { original: r } }) =>
          r.taskRef ? (
            <span title={r.taskRef}>{r.taskRef}</span>
          ) : r.taskSetName ? (
            <span title={`A template for every task of ${r.taskSetName}`}>every task of {r.taskSetName}</span>
          ) : (
            <span className="text-fg-subtle">any</span>
          ),
      },
      {
        id: "latestVersion",
        header: "Version",
        accessorKey: "latestVersion",
        meta: { className: "w-20 tabular-nums text-right", headerClassName: "w-20" },
        cell: ({ row }) => `v${row.original.latestVersion}`,
      },
      {
        id: "criteria",
        header: "Criteria",
        accessorKey: "criteria",
        meta: { className: "w-20 tabular-nums text-right", headerClassName: "w-20" },
      },
      {
        id: "rule",
        header: "Aggregation",
        accessorKey: "rule",
        meta: { className: "w-36" },
        cell: ({ row }) => <Badge>{ruleText[row.original.rule] ?? row.original.rule}</Badge>,
      },
      {
        id: "updatedAt",
        header: "Updated",
        accessorKey: "updatedAt",
        meta: { className: "w-28 text-fg-muted" },
        cell: ({ row }) => <RelativeTime value={row.original.updatedAt} />,
      },
    ],
    [base],
  );

  const actions = canEdit ? (
    <>
      <Button onClick={() => setImporting(true)} data-testid="import-rubrics">
        Import
      </Button>
      <ButtonLink
        variant="primary"
        href={`${base}/new`}
        icon={<IconPlus className="size-3.5" />}
        data-testid="new-rubric"
      >
        New rubric
      </ButtonLink>
    </>
  ) : null;

  return (
    <>
      <RubricsTabs projectId={project.id} actions={actions} />
      <ErrorText message={rubrics.error?.message} />
      {rubrics.data && rubrics.data.items.length === 0 ? (
        <EmptyState
          title="No rubrics yet"
          ways={[
            {
              label: "In the studio",
              detail: canEdit
                ? "“New rubric” (c) opens the editor: criteria, weights, verifiers, a live preview of the reward. “Import” (i) reads MCP-Atlas claims, tau2-bench tasks.json or a [{title, description, weight}] list."
                : "An editor creates rubrics here; you can read them once they exist.",
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/rubrics/import  {"format": "list", "content": "[{\\"title\\": \\"Answers the question\\", \\"description\\": \\"\\", \\"weight\\": 1}]"}`,
              detail:
                "As a signed-in editor; format is mcp-atlas-claims, tau2 or list. POST …/rubrics creates one from criteria.",
            },
            {
              label: "Scoring",
              code: "POST /api/v1/reward",
              detail: "With an API key that has the judge scope: a rubric version and trajectories in, rewards out.",
            },
          ]}
          actions={actions}
        >
          <p>
            A rubric scores a trajectory: criteria with a weight (negative for pitfalls), a scale and a verifier (a
            program check, a model judge or a local ONNX model), aggregated by a rule such as a weighted mean, an
            essential gate or pass at coverage 0.75. Every save is a new, immutable version.
          </p>
        </EmptyState>
      ) : (
        <DataTable
          label="Rubrics"
          testId="rubrics-table"
          data={items}
          loading={rubrics.isPending}
          columns={columns}
          getRowId={(r) => r.id}
          rowHref={(r) => `${base}/${r.id}`}
          storageKey="rubrics-columns"
          toolbar={
            <SearchInput
              value={q}
              onCommit={(v) => url.set({ q: v })}
              label="Search rubrics"
              placeholder="Search by name or task"
              className="w-72"
            />
          }
          empty={<p className="p-4 text-sm text-fg-muted">No rubric matches “{q}”.</p>}
        />
      )}
      {importing ? <ImportRubricsDialog projectId={project.id} onClose={() => setImporting(false)} /> : null}
    </>
  );
}
