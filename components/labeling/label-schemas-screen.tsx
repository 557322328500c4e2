"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { api, projectPath } from "@/components/api/client";
import { useCan, useProject } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { IconPlus } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { useShortcut } from "@/components/ui/shortcuts";
import { useToast } from "@/components/ui/toast";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { type LabelSchemaView, labelSchemaView } from "@/lib/labeling/schemas";
import { ExportLabelsMenu } from "./export-menu";
import { describeOptions, kindText } from "./format-value";
import { LabelSchemaDialog } from "./label-schema-dialog";
import { LabelingTabs } from "./labeling-tabs";
import { labelingKeys, useLabelSchemas } from "./queries";

type Show = "exclude" | "only" | "include";

export function LabelSchemasScreen() {
  const project = useProject();
  const canEdit = useCan("editor");
  const url = useUrlQuery();
  const show = (["only", "include"].includes(url.get("show")) ? url.get("show") : "exclude") as Show;
  const schemas = useLabelSchemas(project.id, show);
  const [editing, setEditing] = useState<LabelSchemaView | "new" | null>(null);
  const qc = useQueryClient();
  const toast = useToast();
  useShortcut("c", "New label schema", () => setEditing("new"), { enabled: canEdit });

  const archive = useMutation({
    mutationFn: (s: LabelSchemaView) =>
      api(
        projectPath(project.id, `/label-schemas/${s.id}`),
        { method: "PATCH", body: { archived: !s.archived } },
        labelSchemaView,
      ),
    onSuccess: (s) => {
      toast({
        title: s.archived ? `Archived ${s.name}` : `Restored ${s.name}`,
        description: s.archived ? "Its labels stay; new queues no longer offer it." : undefined,
      });
      qc.invalidateQueries({ queryKey: labelingKeys.all(project.id) });
    },
    onError: (e) => toast({ tone: "error", title: "Could not change the schema", description: e.message }),
  });

  const columns = useMemo<ColumnDef<LabelSchemaView>[]>(
    () => [
      {
        id: "name",
        header: "Name",
        accessorKey: "name",
        meta: { alwaysVisible: true },
        cell: ({ row: { original: s } }) => (
          <div className="flex min-w-0 flex-col">
            <span className="flex items-center gap-1.5 font-medium text-fg" data-testid="schema-row-name">
              {s.name}
              {s.archived ? <Badge>archived</Badge> : null}
            </span>
            {s.description ? <span className="truncate text-xs text-fg-muted">{s.description}</span> : null}
          </div>
        ),
      },
      {
        id: "kind",
        header: "Kind",
        accessorKey: "kind",
        meta: { className: "w-28" },
        cell: ({ row }) => <Badge tone="accent">{kindText[row.original.kind]}</Badge>,
      },
      {
        id: "level",
        header: "Labels",
        accessorKey: "level",
        meta: { className: "w-24 text-fg-muted" },
        cell: ({ row }) => (row.original.level === "step" ? "each step" : "trajectory"),
      },
      {
        id: "options",
        header: "Values",
        enableSorting: false,
        cell: ({ row: { original: s } }) =>
          s.kind === "categorical" ? (
            <span className="flex flex-wrap gap-1">
              {(s.categories ?? []).map((c, i) => (
                <Badge key={c.value}>
                  <span className="font-mono text-fg-subtle">{c.hotkey ?? (i < 9 ? i + 1 : "")}</span> {c.value}
                </Badge>
              ))}
            </span>
          ) : (
            <span className="text-fg-muted">{describeOptions(s)}</span>
          ),
      },
      {
        id: "labelCount",
        header: "Labels given",
        accessorKey: "labelCount",
        meta: { className: "w-24 text-right tabular-nums", headerClassName: "w-24" },
        cell: ({ row }) => formatNumber(row.original.labelCount),
      },
      ...(canEdit
        ? [
            {
              id: "actions",
              header: "",
              enableSorting: false,
              meta: { className: "w-36 text-right", alwaysVisible: true },
              cell: ({ row: { original: s } }: { row: { original: LabelSchemaView } }) => (
                <span className="flex justify-end gap-1">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(s)} data-testid="schema-edit">
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => archive.mutate(s)}>
                    {s.archived ? "Restore" : "Archive"}
                  </Button>
                </span>
              ),
            } satisfies ColumnDef<LabelSchemaView>,
          ]
        : []),
    ],
    [canEdit, archive],
  );

  const items = schemas.data?.items;
  return (
    <>
      <LabelingTabs
        projectId={project.id}
        actions={
          <>
            <ExportLabelsMenu projectId={project.id} />
            {canEdit ? (
              <Button
                variant="primary"
                icon={<IconPlus className="size-3.5" />}
                onClick={() => setEditing("new")}
                data-testid="new-schema"
              >
                New label schema
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorText message={schemas.error?.message} className="mb-3 text-sm text-danger" />
      {items && items.length === 0 && show === "exclude" ? (
        <EmptyState
          title="No label schemas yet"
          ways={[
            {
              label: "Studio",
              detail: canEdit
                ? "New label schema (or press c): e.g. a categorical 'Verdict' with correct / wrong, per trajectory."
                : "Editors create label schemas; ask one of the project's editors.",
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/label-schemas {"name":"Verdict","kind":"categorical","categories":[{"value":"correct"},{"value":"wrong"}]}`,
            },
          ]}
          actions={
            canEdit ? (
              <Button variant="primary" onClick={() => setEditing("new")}>
                New label schema
              </Button>
            ) : null
          }
        />
      ) : (
        <DataTable
          label="Label schemas"
          testId="schemas-table"
          storageKey="label-schemas"
          data={items}
          loading={schemas.isPending}
          columns={columns}
          getRowId={(s) => s.id}
          onOpen={canEdit ? (s) => setEditing(s) : undefined}
          toolbar={
            <Select
              aria-label="Which schemas"
              value={show}
              onChange={(e) => url.set({ show: e.target.value === "exclude" ? null : e.target.value })}
            >
              <option value="exclude">Active schemas</option>
              <option value="only">Archived schemas</option>
              <option value="include">All schemas</option>
            </Select>
          }
          empty={show === "only" ? "No archived schemas." : "No label schemas."}
        />
      )}
      <LabelSchemaDialog
        projectId={project.id}
        open={editing !== null}
        schema={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
