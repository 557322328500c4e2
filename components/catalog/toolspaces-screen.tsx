"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import type { z } from "zod";
import { useCan, useProject } from "@/components/projects/project-context";
import { NewToolspaceDialog } from "@/components/toolspaces/new-toolspace-dialog";
import { ServersPanel } from "@/components/toolspaces/servers-panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DataTable, formatSort, parseSort } from "@/components/ui/data-table";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorText } from "@/components/ui/error-text";
import { formatCompact, formatNumber } from "@/components/ui/format";
import { IconPlus } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SearchInput } from "@/components/ui/search-input";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useUrlQuery } from "@/components/ui/use-url-query";
import { SCHEMA_TOKENIZER, type toolRow } from "@/lib/toolspaces/schemas";
import { PickerCard } from "./picker-card";
import { PAGE_SIZE, useToolServers, useTools, useToolspaces } from "./queries";

type Tool = z.infer<typeof toolRow>;

const NOT_COUNTED = "Not counted: imported before the studio counted tool schemas";

/** "12.3k schema tokens (o200k)", with the exact count and what it means on hover. */
function SchemaTokens({ tokens }: { tokens: number | null }) {
  if (tokens === null) return <span title={NOT_COUNTED}>schema tokens not counted</span>;
  return (
    <span
      title={`${formatNumber(tokens)} tokens of tool schemas (${SCHEMA_TOKENIZER} tokenizer): what an eager agent pays in every context`}
    >
      {formatCompact(tokens)} schema tokens (o200k)
    </span>
  );
}

export function ToolspacesScreen() {
  const project = useProject();
  const url = useUrlQuery();
  const toolspaces = useToolspaces(project.id);
  const items = toolspaces.data?.items ?? [];
  const selectedId = url.get("toolspace") || items[0]?.id;
  const selected = items.find((t) => t.id === selectedId);
  const query = {
    q: url.get("q"),
    server: url.get("server"),
    sort: url.get("sort") || "server",
    offset: url.getInt("offset", 0),
  };
  const tools = useTools(project.id, selected?.id, query);
  const servers = useToolServers(project.id, selected?.id);
  const [open, setOpen] = useState<Tool | null>(null);
  const canEdit = useCan("editor");
  const [creating, setCreating] = useState(false);
  const newButton = canEdit ? (
    <Button icon={<IconPlus className="size-3.5" />} onClick={() => setCreating(true)} data-testid="new-toolspace">
      New toolspace
    </Button>
  ) : null;

  const columns = useMemo<ColumnDef<Tool>[]>(
    () => [
      {
        id: "name",
        header: "Tool",
        accessorKey: "name",
        meta: { alwaysVisible: true, className: "w-[24%]" },
        cell: ({ row }) => <span className="font-mono text-xs font-medium text-fg">{row.original.name}</span>,
      },
      {
        id: "server",
        header: "Server",
        accessorKey: "server",
        meta: { className: "w-[16%]" },
        cell: ({ row }) => (
          <button
            type="button"
            title={`Show only ${row.original.server}`}
            onClick={() => url.set({ server: row.original.server, offset: null })}
            className="max-w-full truncate rounded px-1 -mx-1 text-left text-fg-muted hover:bg-hover hover:text-fg"
          >
            {row.original.server}
          </button>
        ),
      },
      {
        id: "description",
        header: "Description",
        accessorKey: "description",
        enableSorting: false,
        cell: ({ row }) => <span className="line-clamp-2 text-fg-muted">{row.original.description || "—"}</span>,
      },
      {
        id: "schemaTokens",
        header: () => <span title={`Tokens of the tool's schema (${SCHEMA_TOKENIZER} tokenizer)`}>Schema tokens</span>,
        accessorKey: "schemaTokens",
        enableSorting: false,
        meta: { className: "w-28 text-right tabular-nums", headerClassName: "text-right w-28", label: "Schema tokens" },
        cell: ({ row }) =>
          row.original.schemaTokens === null ? (
            <span className="text-fg-subtle" title={NOT_COUNTED}>
              —
            </span>
          ) : (
            formatNumber(row.original.schemaTokens)
          ),
      },
    ],
    [url],
  );

  if (toolspaces.isPending)
    return (
      <>
        <PageHeader title="Toolspaces" />
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      </>
    );

  const filtered = Boolean(query.q || query.server);
  return (
    <>
      <PageHeader
        title="Toolspaces"
        description="Named sets of MCP servers and the catalogue of their tools, with each tool's schema size in tokens: what an eager agent pays up front, and what ISL/ITL agents load on demand."
        actions={newButton}
      />
      <ErrorText message={toolspaces.error?.message} className="mb-3 text-sm text-danger" />
      {items.length === 0 && !toolspaces.isError ? (
        <EmptyState
          title="No toolspaces yet"
          ways={[
            {
              label: "First start",
              detail:
                "A new studio imports the LiveMCPBench catalogue (527 tools from 70 servers) into its demo project.",
            },
            {
              label: "In the studio",
              detail: canEdit
                ? "“New toolspace”, then “Add server”: a stdio command (node --import tsx toolspace/servers/calculator/server.ts) or a Streamable HTTP URL. The studio connects and lists its tools."
                : "An editor creates toolspaces and registers MCP servers in them.",
            },
            {
              label: "API",
              code: `POST /api/v1/projects/${project.id}/toolspaces  {"name": "office"}`,
              detail:
                'then POST …/toolspaces/{toolspaceId}/servers {"name": "calculator", "config": {"transport": "stdio", "command": "node", "args": [...]}} as an editor.',
            },
          ]}
          actions={newButton}
        />
      ) : (
        <>
          <fieldset
            className="mb-5 grid min-w-0 grid-cols-1 gap-3 md:grid-cols-2 lg:grid-cols-3"
            aria-label="Toolspaces"
          >
            {items.map((t) => (
              <PickerCard
                key={t.id}
                testId="toolspace-card"
                selected={t.id === selected?.id}
                onSelect={() => url.set({ toolspace: t.id, server: null, offset: null })}
                title={t.name}
                meta={t.source ? <Badge>{t.source}</Badge> : null}
                description={
                  <>
                    <span className="font-medium text-fg">
                      {formatNumber(t.servers)} {t.servers === 1 ? "server" : "servers"} · {formatNumber(t.tools)} tools
                      · <SchemaTokens tokens={t.schemaTokens} />
                    </span>
                    {t.description ? ` — ${t.description}` : ""}
                  </>
                }
              />
            ))}
          </fieldset>

          {selected ? (
            <ServersPanel
              projectId={project.id}
              toolspace={selected}
              onShowTools={(server) => url.set({ server, offset: null })}
            />
          ) : null}
          {selected ? (
            <section aria-label={`Tools of ${selected.name}`}>
              <DataTable
                label={`Tools of ${selected.name}`}
                testId="tools-table"
                storageKey="tools"
                data={tools.data?.items}
                loading={tools.isPending}
                columns={columns}
                getRowId={(t) => t.id}
                onOpen={setOpen}
                sort={parseSort(query.sort)}
                onSortChange={(s) => url.set({ sort: formatSort(s), offset: null })}
                toolbar={
                  <>
                    <SearchInput
                      label="Search tools by name or description"
                      placeholder="Search tools…"
                      value={query.q}
                      onCommit={(q) => url.set({ q, offset: null })}
                      className="w-72"
                      testId="tools-search"
                    />
                    <Select
                      aria-label="Filter by server"
                      value={query.server}
                      onChange={(e) => url.set({ server: e.target.value, offset: null })}
                      className="max-w-64"
                      data-testid="tools-server-filter"
                    >
                      <option value="">All servers{servers.data ? ` (${servers.data.length})` : ""}</option>
                      {query.server && !servers.data?.some((s) => s.server === query.server) ? (
                        <option value={query.server}>{query.server}</option>
                      ) : null}
                      {servers.data?.map((s) => (
                        <option key={s.server} value={s.server}>
                          {`${s.server} (${s.tools} tools · ${s.schemaTokens === null ? "not counted" : `${formatCompact(s.schemaTokens)} o200k tokens`})`}
                        </option>
                      ))}
                    </Select>
                    {filtered ? (
                      <Button
                        variant="ghost"
                        size="sm"
                        onClick={() => url.set({ q: null, server: null, offset: null })}
                      >
                        Clear filters
                      </Button>
                    ) : null}
                    {tools.isError ? <span className="text-xs text-danger">{tools.error.message}</span> : null}
                  </>
                }
                empty={
                  filtered
                    ? "No tools match. Try a shorter search or another server."
                    : "This toolspace has no tools yet."
                }
                footer={
                  tools.data ? (
                    <Pagination
                      offset={query.offset}
                      limit={PAGE_SIZE}
                      total={tools.data.total}
                      noun="tools"
                      onOffset={(o) => url.set({ offset: o || null })}
                    />
                  ) : null
                }
              />
            </section>
          ) : null}
        </>
      )}

      {creating ? (
        <NewToolspaceDialog
          projectId={project.id}
          onClose={() => setCreating(false)}
          onCreated={(id) => url.set({ toolspace: id, server: null, q: null, offset: null })}
        />
      ) : null}
      <Dialog
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open?.name ?? ""}
        description={open ? `Server: ${open.server}` : ""}
      >
        {open ? (
          <div className="flex flex-col gap-3 text-sm">
            <p className="whitespace-pre-wrap text-fg">{open.description || "No description."}</p>
            <dl className="grid grid-cols-[8rem_1fr] gap-y-1.5 text-xs">
              <dt className="text-fg-subtle">Schema tokens</dt>
              <dd className="tabular-nums">
                {open.schemaTokens === null
                  ? "not counted"
                  : `${formatNumber(open.schemaTokens)} (${SCHEMA_TOKENIZER})`}
              </dd>
              <dt className="text-fg-subtle">Tool id</dt>
              <dd className="flex items-center gap-2">
                <code className="font-mono">{open.id}</code>
                <CopyButton value={open.id} size="xs" />
              </dd>
            </dl>
            <div className="flex gap-2">
              <CopyButton value={open.name} label="Copy tool name" />
              <Button
                size="sm"
                onClick={() => {
                  url.set({ server: open.server, offset: null });
                  setOpen(null);
                }}
              >
                Show all tools of {open.server}
              </Button>
            </div>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
