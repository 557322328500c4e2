"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { ErrorText } from "@/components/ui/error-text";
import { formatNumber } from "@/components/ui/format";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { ServerRow } from "@/lib/toolspaces/schemas";
import { useSnapshotDiff, useSnapshots } from "./queries";

/** A server's tool-list versions, and what changed between two of them. */
export function VersionsDialog({
  projectId,
  toolspaceId,
  server,
  onClose,
}: {
  projectId: string;
  toolspaceId: string;
  server: ServerRow;
  onClose: () => void;
}) {
  const versions = useSnapshots(projectId, toolspaceId, server.id);
  const items = versions.data ?? [];
  const newest = items[0]?.version ?? 1;
  const [pick, setPick] = useState<{ from: number; to: number } | null>(null);
  const from = pick?.from ?? Math.max(1, newest - 1);
  const to = pick?.to ?? newest;
  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={`Tool-list versions of ${server.name}`}
      description="A check that finds a different tool list keeps it as the next version; the same list adds none. Runs name the versions they used."
      testId="versions-dialog"
    >
      <ErrorText message={versions.error?.message} />
      {versions.isPending ? (
        <Skeleton className="h-24" />
      ) : (
        <div className="flex flex-col gap-4 text-sm">
          <table className="w-full text-left text-xs">
            <thead className="text-fg-subtle">
              <tr>
                <th className="py-1 font-medium">Version</th>
                <th className="py-1 text-right font-medium">Tools</th>
                <th className="py-1 text-right font-medium">Schema tokens</th>
                <th className="py-1 pl-4 font-medium">sha256</th>
                <th className="py-1 font-medium">Seen</th>
              </tr>
            </thead>
            <tbody data-testid="versions-list">
              {items.map((v) => (
                <tr key={v.version} className="border-t border-line">
                  <td className="py-1.5">
                    <Badge tone={v.version === server.snapshotVersion ? "accent" : "neutral"}>v{v.version}</Badge>
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{formatNumber(v.tools)}</td>
                  <td className="py-1.5 text-right tabular-nums">{formatNumber(v.schemaTokens)}</td>
                  <td className="py-1.5 pl-4 font-mono text-fg-muted" title={v.sha256}>
                    {v.sha256.slice(0, 12)}
                  </td>
                  <td className="py-1.5 text-fg-muted">
                    <RelativeTime value={v.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {items.length > 1 ? (
            <section aria-label="Compare versions" className="flex flex-col gap-2">
              <div className="flex items-center gap-2 text-xs text-fg-muted">
                Compare
                <Select
                  aria-label="From version"
                  value={String(from)}
                  onChange={(e) => setPick({ from: Number(e.target.value), to })}
                  className="w-20"
                >
                  {items.map((v) => (
                    <option key={v.version} value={v.version}>
                      v{v.version}
                    </option>
                  ))}
                </Select>
                with
                <Select
                  aria-label="To version"
                  value={String(to)}
                  onChange={(e) => setPick({ from, to: Number(e.target.value) })}
                  className="w-20"
                >
                  {items.map((v) => (
                    <option key={v.version} value={v.version}>
                      v{v.version}
                    </option>
                  ))}
                </Select>
              </div>
              <Diff projectId={projectId} toolspaceId={toolspaceId} serverId={server.id} from={from} to={to} />
            </section>
          ) : (
            <p className="text-xs text-fg-muted">
              One version so far: “Check” adds another when the tool list changes.
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}

function Diff(props: { projectId: string; toolspaceId: string; serverId: string; from: number; to: number }) {
  const diff = useSnapshotDiff(props.projectId, props.toolspaceId, props.serverId, props.from, props.to);
  if (props.from === props.to) return <p className="text-xs text-fg-muted">Pick two different versions.</p>;
  if (diff.error) return <ErrorText message={diff.error.message} />;
  if (!diff.data) return <Skeleton className="h-16" />;
  const d = diff.data;
  const none = !d.added.length && !d.removed.length && !d.changed.length;
  return (
    <ul className="flex flex-col gap-1 text-xs" data-testid="versions-diff">
      {none ? <li className="text-fg-muted">No differences.</li> : null}
      {d.added.map((t) => (
        <li key={`+${t.name}`}>
          <Badge tone="success">added</Badge> <span className="font-mono">{t.name}</span>{" "}
          <span className="text-fg-subtle">+{formatNumber(t.schemaTokens)} tokens</span>
        </li>
      ))}
      {d.removed.map((t) => (
        <li key={`-${t.name}`}>
          <Badge tone="danger">removed</Badge> <span className="font-mono">{t.name}</span>{" "}
          <span className="text-fg-subtle">−{formatNumber(t.schemaTokens)} tokens</span>
        </li>
      ))}
      {d.changed.map((t) => (
        <li key={`~${t.name}`}>
          <Badge tone="warning">changed</Badge> <span className="font-mono">{t.name}</span>{" "}
          <span className="text-fg-subtle">
            {[t.description ? "description" : null, t.inputSchema ? "input schema" : null]
              .filter(Boolean)
              .join(" and ")}
            , {formatNumber(t.fromTokens)} → {formatNumber(t.toTokens)} tokens
          </span>
        </li>
      ))}
      <li className="text-fg-subtle">{formatNumber(d.unchanged)} tools unchanged</li>
    </ul>
  );
}
