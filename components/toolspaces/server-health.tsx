"use client";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ServerRow } from "@/lib/toolspaces/schemas";

export const OFFLINE_NOTE =
  "Offline: imported from a tools.json catalogue. Its schemas count for context and retrieval; a call to one of its tools answers “server not reachable”.";

/** ok + latency, failed + the error, never checked, or offline; with when it was checked. */
export function ServerHealth({ server }: { server: ServerRow }) {
  if (server.transport === "offline")
    return (
      <span title={OFFLINE_NOTE} className="flex items-center gap-1.5 text-xs text-fg-muted">
        <Badge>offline</Badge> calls answer “server not reachable”
      </span>
    );
  const h = server.health;
  if (!h) return <span className="text-xs text-fg-subtle">never checked</span>;
  return (
    <span className="flex min-w-0 items-center gap-1.5 text-xs" data-testid="server-health">
      {h.ok ? (
        <span title={`connected and listed ${h.tools ?? 0} tools in ${h.ms} ms`}>
          <Badge tone="success">ok · {h.ms} ms</Badge>
        </span>
      ) : (
        <Badge tone="danger">failed</Badge>
      )}
      {!h.ok && h.error ? (
        <span className="min-w-0 truncate text-danger" title={h.error}>
          {h.error}
        </span>
      ) : null}
      {server.checkedAt ? (
        <span className="whitespace-nowrap text-fg-subtle">
          <RelativeTime value={server.checkedAt} />
        </span>
      ) : null}
    </span>
  );
}

/** How the server starts, in one line: the command with its args, or the URL. */
export function connectionText(server: ServerRow): string {
  const c = server.connection;
  if (c.transport === "stdio") {
    const env = c.envKeys.length ? ` (env ${c.envKeys.join(", ")})` : "";
    return `${c.command} ${c.args.join(" ")}${env}`.trim();
  }
  if (c.transport === "http") return `${c.url}${c.headerNames.length ? ` (headers ${c.headerNames.join(", ")})` : ""}`;
  return c.catalogueEntry ? `catalogue entry ${c.catalogueEntry}` : "catalogue";
}
