"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { RelativeTime } from "@/components/ui/relative-time";
import { Select } from "@/components/ui/select";
import { diffRubricVersions, type RubricChange } from "@/lib/rubrics/diff";
import type { RubricVersionView } from "@/lib/rubrics/schemas";

const show = (v: unknown) => (typeof v === "string" ? (v === "" ? "(empty)" : v) : JSON.stringify(v));

function ChangeLine({ ch }: { ch: RubricChange }) {
  switch (ch.kind) {
    case "added":
      return (
        <>
          <Badge tone="success">added</Badge> <code>{ch.id}</code> {ch.title}
        </>
      );
    case "removed":
      return (
        <>
          <Badge tone="danger">removed</Badge> <code>{ch.id}</code> {ch.title}
        </>
      );
    case "moved":
      return (
        <>
          <Badge>moved</Badge> <code>{ch.id}</code> from position {ch.from + 1} to {ch.to + 1}
        </>
      );
    case "aggregation":
      return (
        <>
          <Badge tone="info">aggregation</Badge> <del className="text-danger">{show(ch.before)}</del> →{" "}
          <ins className="text-success no-underline">{show(ch.after)}</ins>
        </>
      );
    case "changed":
      return (
        <>
          <Badge tone="warning">{ch.field}</Badge> <code>{ch.id}</code>:{" "}
          <del className="break-all text-danger">{show(ch.before)}</del> →{" "}
          <ins className="break-all text-success no-underline">{show(ch.after)}</ins>
        </>
      );
  }
}

/** Versions with author and time; the diff of two chosen ones (by default a version against the one before). */
export function VersionHistory({
  versions,
  from,
  to,
  base,
  onPick,
}: {
  versions: RubricVersionView[];
  from: number;
  to: number;
  /** the editor's URL */
  base: string;
  onPick: (from: number, to: number) => void;
}) {
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  const changes = a && b ? diffRubricVersions(a, b) : [];
  return (
    <div className="grid gap-4 lg:grid-cols-[22rem_1fr]" data-testid="history">
      <ol className="flex flex-col rounded-md border border-line" aria-label="Versions">
        {versions.map((v) => (
          <li key={v.id} className={cn("border-b border-line last:border-0", v.version === to && "bg-accent-soft")}>
            <button
              type="button"
              className="grid w-full grid-cols-[3rem_1fr_auto] items-baseline gap-2 px-3 py-1.5 text-left text-sm hover:bg-hover"
              onClick={() => onPick(Math.max(1, v.version - 1), v.version)}
              data-testid="version-row"
            >
              <span className="font-mono font-medium text-fg">v{v.version}</span>
              <span className="truncate text-fg-muted">
                {v.author ?? "API"} · <RelativeTime value={v.createdAt} />
              </span>
              <span className="text-xs text-fg-subtle">{v.criteria.length} criteria</span>
            </button>
            <Link
              href={`${base}?version=${v.version}`}
              className="block px-3 pb-1.5 text-xs text-accent hover:underline"
            >
              View v{v.version}
            </Link>
          </li>
        ))}
      </ol>
      <section aria-label="Diff" className="flex flex-col gap-2">
        <div className="flex items-center gap-2 text-sm">
          <span className="text-fg-muted">Compare</span>
          <Select
            aria-label="From version"
            className="w-24"
            value={from}
            onChange={(e) => onPick(Number(e.target.value), to)}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.version}>
                v{v.version}
              </option>
            ))}
          </Select>
          <span className="text-fg-muted">→</span>
          <Select
            aria-label="To version"
            className="w-24"
            value={to}
            onChange={(e) => onPick(from, Number(e.target.value))}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.version}>
                v{v.version}
              </option>
            ))}
          </Select>
        </div>
        {from === to ? (
          <p className="text-sm text-fg-muted">
            {to === 1 ? "Version 1 is the first: nothing before it to compare." : "Pick two different versions."}
          </p>
        ) : changes.length === 0 ? (
          <p className="text-sm text-fg-muted">No differences.</p>
        ) : (
          <ul className="flex flex-col gap-1 rounded-md border border-line p-2 text-sm" data-testid="diff">
            {changes.map((ch, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: changes have no id and never reorder
              <li key={i} className="leading-6">
                <ChangeLine ch={ch} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
