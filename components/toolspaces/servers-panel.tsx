"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { api, projectPath } from "@/components/api/client";
import { qk } from "@/components/api/query-keys";
import { useCan } from "@/components/projects/project-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { formatNumber } from "@/components/ui/format";
import { IconPlus } from "@/components/ui/icons";
import { useToast } from "@/components/ui/toast";
import { checkResult, SCHEMA_TOKENIZER, type ServerRow } from "@/lib/toolspaces/schemas";
import { AddServerDialog } from "./add-server-dialog";
import { useServerRows } from "./queries";
import { connectionText, OFFLINE_NOTE, ServerHealth } from "./server-health";
import { VersionsDialog } from "./versions-dialog";

/** The servers of one toolspace: how each starts, its tools and schema cost, health, versions. */
export function ServersPanel({
  projectId,
  toolspace,
  onShowTools,
}: {
  projectId: string;
  toolspace: { id: string; name: string };
  onShowTools: (server: string) => void;
}) {
  const canEdit = useCan("editor");
  const qc = useQueryClient();
  const toast = useToast();
  const servers = useServerRows(projectId, toolspace.id);
  const [adding, setAdding] = useState(false);
  const [versionsOf, setVersionsOf] = useState<ServerRow | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: qk.toolspaces(projectId) });
  const check = useMutation({
    mutationFn: (s: ServerRow) =>
      api(projectPath(projectId, `/toolspaces/${toolspace.id}/servers/${s.id}/check`), { method: "POST" }, checkResult),
    onSuccess: (r) => {
      refresh();
      toast(
        r.health.ok
          ? {
              title: `${r.server.name}: ok in ${r.health.ms} ms`,
              description: r.changed
                ? `The tool list changed: kept as v${r.server.snapshotVersion}.`
                : `Same ${r.health.tools} tools as v${r.server.snapshotVersion}.`,
            }
          : { tone: "error", title: `${r.server.name} did not answer`, description: r.health.error ?? "" },
      );
    },
    onError: (e, s) => toast({ tone: "error", title: `Could not check ${s.name}`, description: e.message }),
  });
  const remove = useMutation({
    mutationFn: (s: ServerRow) =>
      api(projectPath(projectId, `/toolspaces/${toolspace.id}/servers/${s.id}`), { method: "DELETE" }),
    onSuccess: (_, s) => {
      refresh();
      toast({ title: `Removed ${s.name}`, description: "Trajectories that used its tools keep their copies." });
    },
    onError: (e, s) => toast({ tone: "error", title: `Could not remove ${s.name}`, description: e.message }),
  });
  const offline = (servers.data ?? []).filter((s) => s.transport === "offline").length;

  const columns = useMemo<ColumnDef<ServerRow>[]>(
    () => [
      {
        id: "name",
        header: "Server",
        accessorKey: "name",
        meta: { alwaysVisible: true },
        cell: ({ row: { original: s } }) => (
          <span className="flex min-w-0 flex-col">
            <span className="flex min-w-0 items-center gap-1.5">
              <span className="max-w-full shrink-0 truncate font-medium text-fg">{s.name}</span>
              <Badge tone={s.transport === "offline" ? "neutral" : "info"}>{s.transport}</Badge>
              {s.description ? (
                <span className="min-w-0 truncate text-xs text-fg-subtle" title={s.description}>
                  {s.description}
                </span>
              ) : null}
            </span>
            <span className="truncate font-mono text-xs text-fg-muted" title={connectionText(s)}>
              {connectionText(s)}
            </span>
          </span>
        ),
      },
      {
        id: "tools",
        header: "Tools",
        accessorKey: "tools",
        meta: { className: "w-14 text-right tabular-nums", headerClassName: "text-right w-14" },
        cell: ({ row: { original: s } }) => (
          <button
            type="button"
            className="rounded px-1 hover:bg-hover"
            title={`Show the tools of ${s.name}`}
            onClick={() => onShowTools(s.name)}
          >
            {formatNumber(s.tools)}
          </button>
        ),
      },
      {
        id: "schemaTokens",
        header: () => <span title={`Schema tokens (${SCHEMA_TOKENIZER}) of all its tools`}>Tokens</span>,
        accessorFn: (s) => s.schemaTokens ?? -1,
        meta: { className: "w-24 text-right tabular-nums", headerClassName: "text-right w-24", label: "Schema tokens" },
        cell: ({ row: { original: s } }) => (s.schemaTokens === null ? "—" : formatNumber(s.schemaTokens)),
      },
      {
        id: "health",
        header: "Health",
        accessorFn: (s) => (s.health ? (s.health.ok ? 1 : 0) : -1),
        meta: { className: "w-[22%]" },
        cell: ({ row: { original: s } }) => <ServerHealth server={s} />,
      },
      {
        id: "actions",
        header: "",
        enableSorting: false,
        meta: { alwaysVisible: true, className: "w-[11rem] text-right" },
        cell: ({ row: { original: s } }) => (
          <span className="flex justify-end gap-1">
            {s.snapshotVersion !== null ? (
              <Button size="sm" variant="ghost" onClick={() => setVersionsOf(s)} data-testid="server-versions">
                v{s.snapshotVersion}
              </Button>
            ) : null}
            {canEdit && s.transport !== "offline" ? (
              <Button
                size="sm"
                onClick={() => check.mutate(s)}
                loading={check.isPending && check.variables?.id === s.id}
                disabled={check.isPending && check.variables?.id === s.id}
                aria-label={`Check ${s.name}`}
                data-testid="server-check"
              >
                Check
              </Button>
            ) : null}
            {canEdit ? (
              <Button
                size="sm"
                variant="ghost"
                className="text-danger"
                aria-label={`Remove ${s.name}`}
                onClick={() => {
                  if (window.confirm(`Remove ${s.name} and its ${s.tools} tools from ${toolspace.name}?`))
                    remove.mutate(s);
                }}
              >
                Remove
              </Button>
            ) : null}
          </span>
        ),
      },
    ],
    [canEdit, check, remove, toolspace.name, onShowTools],
  );

  return (
    <section aria-label={`Servers of ${toolspace.name}`} className="mb-5">
      <DataTable
        label={`Servers of ${toolspace.name}`}
        testId="servers-table"
        storageKey="toolspace-servers"
        data={servers.data}
        loading={servers.isPending}
        columns={columns}
        getRowId={(s) => s.id}
        onOpen={(s) => onShowTools(s.name)}
        maxHeight="22rem"
        toolbar={
          <>
            <h2 className="text-sm font-medium text-fg">Servers</h2>
            {offline ? (
              <span className="text-xs text-fg-muted" title={OFFLINE_NOTE}>
                {offline === servers.data?.length ? "All" : formatNumber(offline)} offline: schemas only, calls answer
                “server not reachable”
              </span>
            ) : null}
            {canEdit ? (
              <Button
                size="sm"
                variant="primary"
                className="ml-auto"
                icon={<IconPlus className="size-3.5" />}
                onClick={() => setAdding(true)}
                data-testid="add-server"
              >
                Add server
              </Button>
            ) : null}
            {servers.isError ? <span className="text-xs text-danger">{servers.error.message}</span> : null}
          </>
        }
        empty={
          canEdit
            ? "No servers yet. “Add server”: a stdio command (e.g. node --import tsx toolspace/servers/calculator/server.ts) or a Streamable HTTP URL."
            : "No servers yet; an editor adds them."
        }
      />
      {adding ? <AddServerDialog projectId={projectId} toolspace={toolspace} onClose={() => setAdding(false)} /> : null}
      {versionsOf ? (
        <VersionsDialog
          projectId={projectId}
          toolspaceId={toolspace.id}
          server={versionsOf}
          onClose={() => setVersionsOf(null)}
        />
      ) : null}
    </section>
  );
}
